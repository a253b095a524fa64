import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Logger } from '../../services/common/index.js';

/** One problem found in a request, by location. */
export interface Issue {
  /** Where: `body.amount`, `query.limit`, `params.id`. */
  path: string;
  message: string;
}

/** The request does not match its schema; mapped to 400 `REQUEST.INVALID`. */
export class RequestValidationError extends Error {
  /** @param issues - every problem found, by location. */
  constructor(readonly issues: Issue[]) {
    super('The request is invalid');
    this.name = 'RequestValidationError';
  }
}

/** A body in another format than JSON; mapped to 415 `REQUEST.UNSUPPORTED_MEDIA_TYPE`. */
export class UnsupportedMediaTypeError extends Error {
  /** @param contentType - the request's content type (not echoed to the client). */
  constructor(readonly contentType: string | undefined) {
    super('The request body must be application/json');
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** Schemas of one route; a missing part is not read. */
export interface RouteSchemas<P, Q, B> {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
}

/** What a handler receives: the parsed, typed parts of the request. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

function parsePart<T>(
  schema: z.ZodType<T> | undefined,
  value: unknown,
  where: string,
  issues: Issue[],
): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message });
  }
  return undefined as T;
}

/**
 * Builds an Express handler that validates params, query and body with zod, logs the parsed input
 * through the route's function logger, and hands the parsed values to `handle` (Express 5's
 * `req.query` is read-only, so the parsed value travels as an argument, never re-parsed).
 * Express 5 forwards a rejected promise to the error handler, so no try/catch is needed here.
 *
 * @param log - the route's function logger (`[ModuleApi:route]` prefix).
 * @param schemas - zod schemas for the parts to read.
 * @param handle - writes the response from the parsed input.
 * @returns an Express request handler.
 * @throws {RequestValidationError} (to the error handler) when any part fails its schema.
 */
export function route<P = undefined, Q = undefined, B = undefined>(
  log: Logger,
  schemas: RouteSchemas<P, Q, B>,
  handle: (input: RouteInput<P, Q, B>, res: Response, req: Request) => Promise<void>,
): RequestHandler {
  return async (req, res) => {
    const issues: Issue[] = [];
    // Only the parts the route has a schema for are read: Express 5's `req.query` is a getter that
    // parses the query string on every read.
    const input: RouteInput<P, Q, B> = {
      params: schemas.params ? parsePart(schemas.params, req.params, 'params', issues) : (undefined as P),
      query: schemas.query ? parsePart(schemas.query, req.query, 'query', issues) : (undefined as Q),
      body: schemas.body ? parsePart(schemas.body, req.body, 'body', issues) : (undefined as B),
    };
    if (issues.length > 0) {
      log.debug({ issues }, 'refused');
      throw new RequestValidationError(issues);
    }
    log.debug({ input }, 'called');
    await handle(input, res, req);
    log.debug({ status: res.statusCode }, 'done');
  };
}
