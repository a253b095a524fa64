import express, { type Express } from 'express';
import helmet from 'helmet';
import {
  createRouteTable,
  errorHandler,
  httpLogger,
  notFoundHandler,
  requestIdMiddleware,
  type Services,
} from './backend/api/index.js';
import type { Logger } from './backend/services/common/index.js';

/** Largest JSON body accepted; larger bodies get 413 `REQUEST.TOO_LARGE`. */
export const BODY_LIMIT = '100kb';

/** What the HTTP app needs from the composition root. */
export interface AppDeps {
  services: Services;
  log: Logger;
  /** Resolves when the database answers; rejects otherwise (drives `GET /readyz`). */
  checkReady: () => Promise<void>;
}

/**
 * Builds the Express app, separate from the listener so tests can call `request(createApp(deps))`.
 *
 * @param deps - services, root logger and readiness probe.
 * @returns the Express application (not listening).
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.use(requestIdMiddleware());
  app.use(httpLogger(deps.log));
  app.use(express.json({ limit: BODY_LIMIT }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.checkReady();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ error: { code: 'DB.UNAVAILABLE', message: 'The database is not reachable' } });
    }
  });

  app.use(createRouteTable(deps.services, deps.log));
  app.use(notFoundHandler());
  app.use(errorHandler());
  return app;
}
