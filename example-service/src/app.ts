import express, { type Express } from 'express';
import helmet from 'helmet';
import * as api from './backend/api/index.js';
import {
  buildOpenApiDocument,
  corsMiddleware,
  createRouteTable,
  errorHandler,
  httpLogger,
  isApiSpec,
  notFoundHandler,
  rateLimiter,
  docsUiRouter,
  requestIdMiddleware,
  requireJsonBody,
  sendProblem,
  type CorsPolicy,
  type RateLimitOptions,
  type Services,
} from './backend/api/index.js';
import type { Logger } from './backend/services/common/index.js';

/** Largest JSON body accepted; larger bodies get 413 `REQUEST.TOO_LARGE`. */
export const BODY_LIMIT = '100kb';

let cachedOpenApi: ReturnType<typeof buildOpenApiDocument> | undefined;

/**
 * The OpenAPI document of every module, built once per process: the modules are fixed at import
 * time, and every app then shares one document object, so tests that create an app per test reuse
 * its compiled response validators instead of rebuilding them over all N modules (bench/README.md).
 *
 * @returns the shared document; treat it as read-only.
 */
function openApiDocument(): ReturnType<typeof buildOpenApiDocument> {
  cachedOpenApi ??= buildOpenApiDocument(Object.values(api as Record<string, unknown>).filter(isApiSpec));
  return cachedOpenApi;
}

/** What the HTTP app needs from the composition root. */
export interface AppDeps {
  services: Services;
  log: Logger;
  /** Resolves when the database answers; rejects otherwise (drives `GET /readyz`). */
  checkReady: () => Promise<void>;
  /** True once a graceful stop began: `/readyz` answers 503 and responses close their connection. */
  isDraining?: () => boolean;
  /** Per-IP rate limit; off when absent (unit tests) or when `limit` is 0. */
  rateLimit?: RateLimitOptions;
  /** Express `trust proxy`, set explicitly; `false` (no proxy in front) by default. */
  trustProxy?: boolean | number | string;
  /** Cross-origin policy; no CORS headers at all when absent (the default). */
  cors?: CorsPolicy;
}

/**
 * Builds the Express app, separate from the listener so tests can call `request(createApp(deps))`.
 * Order: helmet (headers on every answer, errors included) → request id → pino-http → CORS (when
 * configured; answers preflights) → rate limit
 * → JSON-only bodies (415) → JSON parser (400/413) → probes, docs, module routes → 404 → the
 * one error handler; every error answers RFC 9457 problem details (`application/problem+json`). The OpenAPI document, built from every module's zod schemas, is served at
 * `/openapi.json` (and kept in `app.locals.openapi` for tests) and rendered by Swagger UI at `/docs`.
 *
 * @param deps - services, root logger, readiness probe, drain flag, rate limit, trust proxy.
 * @returns the Express application (not listening).
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  const isDraining = deps.isDraining ?? (() => false);
  const openapi = openApiDocument();
  app.locals.openapi = openapi;
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(helmet());
  app.use(requestIdMiddleware());
  app.use(httpLogger(deps.log));
  if (deps.cors) app.use(corsMiddleware(deps.cors));
  app.use((_req, res, next) => {
    if (isDraining()) res.setHeader('connection', 'close');
    next();
  });
  if (deps.rateLimit) app.use(rateLimiter(deps.rateLimit));
  app.use(requireJsonBody());
  app.use(express.json({ limit: BODY_LIMIT }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    const unavailable = (detail: string): void => {
      sendProblem(req, res, 503, 'SERVICE.UNAVAILABLE', detail);
    };
    if (isDraining()) return unavailable('The service is shutting down');
    try {
      await deps.checkReady();
      res.json({ status: 'ready' });
    } catch {
      unavailable('The database is not reachable');
    }
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(docsUiRouter());

  app.use(createRouteTable(deps.services, deps.log, { rateLimitStore: deps.rateLimit?.store }));
  app.use(notFoundHandler());
  app.use(errorHandler());
  return app;
}
