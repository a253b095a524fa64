import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ErrorBody } from './error-mapping.js';

/** Rate limit settings; `limit: 0` turns the limiter off. */
export interface RateLimitOptions {
  /** Window length in ms. */
  windowMs: number;
  /** Requests allowed per client IP per window. */
  limit: number;
}

const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Per-IP rate limiting with express-rate-limit: over the limit, 429 `REQUEST.RATE_LIMITED` in the
 * usual error body, with the IETF `RateLimit` / `RateLimit-Policy` headers (draft 8) and
 * `Retry-After`. Health probes are never limited. The client IP follows Express's `trust proxy`,
 * which the app sets explicitly.
 *
 * @param opts - window (ms) and limit per window.
 * @returns the middleware, or a pass-through when `limit` is 0.
 */
export function rateLimiter(opts: RateLimitOptions): RequestHandler {
  if (opts.limit === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => PROBES.has(req.path),
    // `trust proxy` is configured explicitly (TRUST_PROXY); a client-sent X-Forwarded-For is then
    // simply ignored, and must not make the library write warnings to the console.
    validate: { xForwardedForHeader: false },
    handler: (req, res) => {
      const requestId = (req as { id?: string }).id;
      const body: ErrorBody = {
        error: { code: 'REQUEST.RATE_LIMITED', message: 'Too many requests; retry later', ...(requestId ? { requestId } : {}) },
      };
      res.status(429).json(body);
    },
  });
}
