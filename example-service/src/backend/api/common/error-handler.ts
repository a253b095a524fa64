import type { ErrorRequestHandler, RequestHandler } from 'express';
import { toHttpFailure } from './error-mapping.js';
import { sendProblem, sendProblemBody } from './problem-details.js';

/**
 * Terminal error middleware: answers with the mapped status and its RFC 9457 problem details body
 * as `application/problem+json` (see {@link toHttpFailure}). The error itself is handed
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
    sendProblemBody(res, failure.body);
  };
}

/**
 * Fallback for unknown routes: 404 problem details (RFC 9457 §3, `title` `Not Found`) with code
 * `ROUTE.NOT_FOUND`.
 *
 * @returns an Express middleware.
 */
export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    sendProblem(req, res, 404, 'ROUTE.NOT_FOUND', `No route for ${req.method} ${req.path}`);
  };
}
