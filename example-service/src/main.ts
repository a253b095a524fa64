import { ConfigError, loadConfig } from './config.js';
import { createRootLogger } from './logger.js';
import { startServer } from './server.js';

/**
 * Entry point of `npm run dev` / `npm start`: reads the configuration once, starts the service and
 * stops it gracefully on SIGTERM/SIGINT. A bad configuration exits with code 1 and a message that
 * names each bad variable.
 *
 * @returns when the service is listening.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createRootLogger({ level: config.logLevel, pretty: config.prettyLogs });
  const running = await startServer(config, log);
  const shutdown = (signal: string): void => {
    log.info({ signal }, '[Main:shutdown] signal received');
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.fatal({ err }, '[Main:shutdown] failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

await main();
