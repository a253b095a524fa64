import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import type { Issue } from './validation.js';

/** The media type of every error answer (RFC 9457 §3, registered in §6.1). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The body of every error answer: an RFC 9457 problem details object. `type` is always
 * `about:blank`, so `title` is the HTTP status phrase (RFC 9457 §4.2.1); `status` repeats the
 * response status (§3.1.3) and `detail` is a sentence safe to show, not stable (§3.1.4). The
 * extension members (§3.2) carry what clients match on: `code`, the stable `<SCOPE>.<KIND>` code;
 * `requestId`, the request's id when it has one; and, on a 400 `REQUEST.INVALID` only, `errors`,
 * one `{ path, message }` per problem by location (`body.amount`, `query.limit`, `params.id`).
 *
 * @example
 * { "type": "about:blank", "title": "Not Found", "status": 404,
 *   "detail": "Invoice 7 was not found", "code": "INVOICE.NOT_FOUND", "requestId": "…" }
 */
export interface ProblemDetails {
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: Issue[];
}

/**
 * Builds the problem details body of an error answer (RFC 9457 §3): `type` `about:blank`, `title`
 * the status phrase of `node:http` (§4.2.1), `status`, `detail`, and the `code`, `requestId` and
 * `errors` extension members (§3.2), the last two only when given.
 *
 * @pure
 * @param status - the HTTP status of the answer, e.g. 404.
 * @param code - the stable error code, e.g. `INVOICE.NOT_FOUND`.
 * @param detail - a sentence safe to show to the client.
 * @param requestId - the request's id, when it has one.
 * @param errors - the field errors of a 400 `REQUEST.INVALID`.
 * @returns the body, e.g. `{ type: 'about:blank', title: 'Not Found', status: 404, detail, code, requestId }`.
 */
export function problemDetails(status: number, code: string, detail: string, requestId?: string, errors?: Issue[]): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Unknown Status',
    status,
    detail,
    code,
    ...(requestId ? { requestId } : {}),
    ...(errors ? { errors } : {}),
  };
}

/**
 * Writes a problem details answer: the status, `Content-Type: application/problem+json` (RFC 9457
 * §3) and the body of {@link problemDetails}, with the request's id when it has one.
 *
 * @param req - the request (its `id`, set by the request-id middleware, goes into `requestId`).
 * @param res - the response to write.
 * @param status - the HTTP status, e.g. 429.
 * @param code - the stable error code, e.g. `REQUEST.RATE_LIMITED`.
 * @param detail - a sentence safe to show to the client.
 */
export function sendProblem(req: Request, res: Response, status: number, code: string, detail: string): void {
  sendProblemBody(res, problemDetails(status, code, detail, (req as { id?: string }).id));
}

/**
 * Writes a problem details body already built: its `status`, and the body as
 * `application/problem+json` (RFC 9457 §3).
 *
 * @param res - the response to write.
 * @param body - the problem details object.
 */
export function sendProblemBody(res: Response, body: ProblemDetails): void {
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).json(body);
}
