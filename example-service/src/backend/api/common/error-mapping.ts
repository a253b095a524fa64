import { DomainError, type DomainErrorKind } from '../../services/common/index.js';
import { problemDetails, type ProblemDetails } from './problem-details.js';
import { RequestValidationError, UnsupportedMediaTypeError, type Issue } from './validation.js';

/** The one table that maps a domain error kind to an HTTP status (style: DDH exception base). */
export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/** The challenge of a 401 (RFC 6750 §3): bearer tokens, and `invalid_token` when one was sent. */
export const BEARER_CHALLENGE = 'Bearer realm="api"';

/** An error turned into what the client sees, plus what the log needs. */
export interface HttpFailure {
  status: number;
  /** The RFC 9457 problem details body (problem-details.ts). */
  body: ProblemDetails;
  /** The thrown value as an `Error` (with stack) for the log. */
  cause: Error;
  /** Response headers the status requires, e.g. `WWW-Authenticate` on 401. */
  headers?: Record<string, string>;
}

const BODY_PARSER_CODES: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON'],
  'entity.too.large': [413, 'REQUEST.TOO_LARGE', 'The request body is too large'],
  'encoding.unsupported': [415, 'REQUEST.UNSUPPORTED_ENCODING', 'The body encoding is unsupported'],
  'charset.unsupported': [415, 'REQUEST.UNSUPPORTED_ENCODING', 'The body charset is unsupported'],
};

/**
 * Turns any thrown value (an `Error`, a string, `null`, a number…) into an `Error` for logging.
 *
 * @param thrown - whatever was thrown.
 * @returns the same `Error`, or a new one describing the odd value.
 */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  let text: string;
  try {
    text = typeof thrown === 'string' ? thrown : JSON.stringify(thrown) ?? String(thrown);
  } catch {
    text = Object.prototype.toString.call(thrown);
  }
  return new Error(`Non-error thrown: ${text}`);
}

/**
 * Maps a thrown value to a status and its RFC 9457 problem details body (`type` `about:blank`,
 * `title` the status phrase, `status`, `detail` the message, and the extension members `code`,
 * `requestId` and, for 400 `REQUEST.INVALID`, `errors`; RFC 9457 §3, §4.2.1). Unknown errors
 * become a generic 500: nothing of their message or stack reaches the client.
 *
 * @param thrown - whatever a handler or middleware threw.
 * @param requestId - the request's id, echoed in the body.
 * @returns status, body and the normalised error.
 */
export function toHttpFailure(thrown: unknown, requestId: string | undefined): HttpFailure {
  const cause = toError(thrown);
  const reply = (status: number, code: string, detail: string, errors?: Issue[]): HttpFailure => ({
    status,
    cause,
    body: problemDetails(status, code, detail, requestId, errors),
  });
  if (thrown instanceof DomainError) {
    const failure = reply(STATUS_BY_KIND[thrown.kind], thrown.code, thrown.message);
    return thrown.kind === 'UNAUTHENTICATED' ? { ...failure, headers: { 'www-authenticate': BEARER_CHALLENGE } } : failure;
  }
  if (thrown instanceof RequestValidationError) {
    return reply(400, 'REQUEST.INVALID', thrown.message, thrown.issues);
  }
  if (thrown instanceof UnsupportedMediaTypeError) return reply(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', thrown.message);
  const type = (thrown as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? BODY_PARSER_CODES[type] : undefined;
  if (known) return reply(...known);
  return reply(500, 'INTERNAL', 'Internal server error');
}
