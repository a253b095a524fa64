import type { RequestHandler } from 'express';
import type { Logger } from '../../services/common/index.js';

/**
 * The access log: one line per request, written when the response finishes (or the connection
 * closes first), shaped like pino-http's — `req: {id, method, url}`, `res: {statusCode}`,
 * `responseTime` (ms) — at info for 1xx–3xx, warn for 4xx, error for 5xx or a response stream
 * error. An error the error handler left on `res.err` is logged here once, with its stack, as
 * `request errored`; the request id is `req.id` here and `reqId` on every other line. Hand-written
 * instead of pino-http, which built two child loggers and fully serialized request and response
 * objects per request (≈ 70 µs of CPU per request, 17 % of the service's; see bench/README.md).
 *
 * @param log - the root logger.
 * @returns an Express middleware; mount it right after the request-id middleware.
 */
export function httpLogger(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    const request = { id: (req as { id?: string }).id ?? 'unknown', method: req.method, url: req.url };
    const onDone = (streamError?: unknown): void => {
      res.removeListener('finish', onDone);
      res.removeListener('close', onDone);
      res.removeListener('error', onDone);
      const status = res.statusCode;
      const line = { req: request, res: { statusCode: status }, responseTime: Date.now() - started };
      const err = streamError ?? (res as { err?: unknown }).err;
      const level = streamError !== undefined || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (err !== undefined || status >= 500) {
        log[level]({ ...line, err: err ?? new Error(`failed with status code ${status}`) }, 'request errored');
      } else {
        log[level](line, 'request completed');
      }
    };
    res.on('finish', onDone);
    res.on('close', onDone);
    // Also keeps an 'error' on the response (e.g. a write after end) from becoming an uncaught exception.
    res.on('error', onDone);
    next();
  };
}
