import type { RequestHandler } from 'express';
import cors from 'cors';

/** Cross-origin policy of the HTTP API (CORS, WHATWG Fetch standard §3.2). */
export interface CorsPolicy {
  /** Allowed origins (`scheme://host[:port]`), or exactly `['*']` for any origin. */
  origins: string[];
  /** Send `Access-Control-Allow-Credentials: true` (cookies, HTTP auth); never together with `*`. */
  credentials: boolean;
}

/** Response headers a browser script may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = ['x-request-id', 'location', 'retry-after', 'ratelimit', 'ratelimit-policy'];

/**
 * CORS with the `cors` package: an allowed origin is echoed in `Access-Control-Allow-Origin`
 * (with `Vary: Origin`); any other origin gets no CORS header, so the browser refuses the
 * response. Preflights (`OPTIONS` with `Access-Control-Request-Method`) are answered 204 here,
 * before rate limiting and body parsing, and cached by the browser for 600 s.
 *
 * @param policy - allowed origins and whether credentials are allowed.
 * @returns the middleware; mount it early, before the routes.
 * @throws {Error} when `*` is combined with credentials (the Fetch standard forbids it;
 *   `loadConfig` refuses that configuration first).
 */
export function corsMiddleware(policy: CorsPolicy): RequestHandler {
  const anyOrigin = policy.origins.includes('*');
  if (anyOrigin && policy.credentials) throw new Error('CORS: "*" cannot be combined with credentials');
  return cors({
    origin: anyOrigin ? '*' : policy.origins,
    credentials: policy.credentials,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
