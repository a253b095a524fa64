import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import type { Logger } from '../../services/common/index.js';
import { sendProblem } from './problem-details.js';

/** Makes the counter store of one limiter; `prefix` keeps limiters apart in a shared store. */
export type RateLimitStoreFactory = (prefix: string) => Store;

/** Rate limit settings; `limit: 0` turns the limiter off. */
export interface RateLimitOptions {
  /** Window length in ms. */
  windowMs: number;
  /** Requests allowed per client IP per window. */
  limit: number;
  /** Names this limiter's counters in a shared store and its `RateLimit` policy (e.g. `auth`); default `global` / `<limit>-in-<window>`. */
  prefix?: string;
  /** Shared counter store (Redis, see {@link connectRedisRateLimitStore}); absent: in-process memory. */
  store?: RateLimitStoreFactory;
}

/** Paths the limiter never counts: the health probes. */
export const RATE_LIMIT_EXEMPT_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

/**
 * Per-IP rate limiting with express-rate-limit: over the limit, 429 `REQUEST.RATE_LIMITED` as RFC 9457
 * problem details (`application/problem+json`, title `Too Many Requests`), with the IETF `RateLimit` / `RateLimit-Policy` headers (draft 8) and
 * `Retry-After`. Health probes are never limited. The client IP follows Express's `trust proxy`,
 * which the app sets explicitly. With `store`, counters live in the shared store so the limit
 * holds across every instance; a store error lets the request pass (availability over limiting)
 * and the store's client logs it. A stricter limiter for some routes is one more call with its own
 * `limit` and `prefix` (spread the app's options to keep the store).
 *
 * @param opts - window (ms), limit per window, counter prefix, store factory.
 * @returns the middleware, or a pass-through when `limit` is 0.
 */
export function rateLimiter(opts: RateLimitOptions): RequestHandler {
  if (opts.limit === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    standardHeaders: 'draft-8',
    ...(opts.prefix ? { identifier: opts.prefix } : {}),
    legacyHeaders: false,
    ...(opts.store ? { store: opts.store(opts.prefix ?? 'global'), passOnStoreError: true } : {}),
    skip: (req) => RATE_LIMIT_EXEMPT_PATHS.has(req.path),
    // `trust proxy` is configured explicitly (TRUST_PROXY); a client-sent X-Forwarded-For is then
    // simply ignored, and must not make the library write warnings to the console.
    validate: { xForwardedForHeader: false },
    handler: (req, res) => {
      sendProblem(req, res, 429, 'REQUEST.RATE_LIMITED', 'Too many requests; retry later');
    },
  });
}

/** A connected Redis client serving as the rate limiters' shared store. */
export interface RedisRateLimitStore {
  /** Store factory for {@link RateLimitOptions.store}; keys are `<keyPrefix>rl:<prefix>:<client ip>`. */
  storeFor: RateLimitStoreFactory;
  /** Resolves when Redis answers PING; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes the connection (after pending commands). */
  close(): Promise<void>;
}

/**
 * Connects to Redis (the `redis` client) for rate-limit-redis stores. Commands fail fast while
 * the connection is down (no offline queue), and the client reconnects with backoff; each
 * connection error is logged at warn.
 *
 * @param url - `redis://` or `rediss://` URL (may carry a password and a database index).
 * @param keyPrefix - prefix of every key, e.g. `example-service:` (several services, one Redis).
 * @param root - the root logger.
 * @returns the connected store.
 * @throws when Redis cannot be reached within 5 s at start-up.
 */
export async function connectRedisRateLimitStore(url: string, keyPrefix: string, root: Logger): Promise<RedisRateLimitStore> {
  const log = root.child({ module: 'RateLimit', fn: 'connectRedisRateLimitStore' }, { msgPrefix: '[RateLimit:connectRedisRateLimitStore] ' });
  log.debug({ keyPrefix }, 'called');
  const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 5_000 } });
  client.on('error', (err: unknown) => log.warn({ err }, 'redis connection error'));
  try {
    await client.connect();
  } catch (err) {
    log.error({ err }, 'could not connect to redis');
    client.destroy();
    throw err;
  }
  log.info({ keyPrefix }, 'connected');
  const sendCommand = (...args: string[]): Promise<RedisReply> => client.sendCommand(args);
  return {
    storeFor: (prefix) => new RedisStore({ sendCommand, prefix: `${keyPrefix}rl:${prefix}:` }),
    ping: async () => {
      await client.ping();
    },
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
