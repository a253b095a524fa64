import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { requestContext } from '../../services/common/index.js';

/** Header carrying the correlation id, accepted from clients and echoed back. */
export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Returns the client's request id when it is short and plain (letters, digits, `._:-`, at most
 * 128 characters); otherwise a new UUID, so log lines cannot be forged or flooded.
 *
 * @param header - the raw `x-request-id` header value, if any.
 * @returns the id to use for this request.
 */
export function chooseRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_ID.test(header) ? header : randomUUID();
}

/**
 * Middleware: picks the request id, echoes it in the response header, stores it on `req.id` for
 * pino-http and runs the rest of the chain inside the request context (AsyncLocalStorage), so
 * core log lines carry it too.
 *
 * @returns an Express middleware.
 */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const requestId = chooseRequestId(req.headers[REQUEST_ID_HEADER]);
    (req as { id?: string }).id = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    requestContext.run({ requestId }, next);
  };
}
