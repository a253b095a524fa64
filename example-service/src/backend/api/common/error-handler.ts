import type { ErrorRequestHandler, RequestHandler } from 'express';
import { toHttpFailure, type ErrorBody } from './error-mapping.js';

/**
 * Terminal error middleware: answers with the mapped status and body. The error itself is handed
 * to pino-http (`res.err`, see http-logger.ts), which logs it once with its stack, the status
 * and the request id.
 *
 * @returns an Express error handler.
 */
export function errorHandler(): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const failure = toHttpFailure(err, (req as { id?: string }).id);
    (res as { err?: Error }).err = failure.cause;
    if (res.headersSent) {
      res.end();
      return;
    }
    if (failure.headers) res.set(failure.headers);
    res.status(failure.status).json(failure.body);
  };
}

/**
 * Fallback for unknown routes: JSON 404 with code `ROUTE.NOT_FOUND`.
 *
 * @returns an Express middleware.
 */
export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    const requestId = (req as { id?: string }).id;
    const body: ErrorBody = {
      error: {
        code: 'ROUTE.NOT_FOUND',
        message: `No route for ${req.method} ${req.path}`,
        ...(requestId ? { requestId } : {}),
      },
    };
    res.status(404).json(body);
  };
}
