import { runService } from './lifecycle.js';

/**
 * Entry point of `npm run dev` / `npm start`: see {@link runService} (configuration, start,
 * graceful stop on SIGTERM/SIGINT, exit 1 after a fatal error).
 */
await runService();
