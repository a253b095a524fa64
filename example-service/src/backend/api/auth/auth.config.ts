import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';

/** Smallest HS256 key: 256 bits (RFC 7518 §3.2). */
const MIN_KEY_BYTES = 32;

const seconds = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const AuthEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // Empty counts as unset (compose passes `${AUTH_JWT_SECRET:-}` through): production then names it missing.
  AUTH_JWT_SECRET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z0-9+/_-]{43,512}={0,2}$/, `must be base64 or base64url of at least ${MIN_KEY_BYTES} random bytes (e.g. openssl rand -base64 32)`)
      .optional(),
  ),
  AUTH_JWT_ISSUER: z.string().min(1).max(255).default('scaffold-service'),
  AUTH_JWT_AUDIENCE: z.string().min(1).max(255).default('scaffold-api'),
  AUTH_ACCESS_TTL_SECONDS: seconds(60, 3_600, 900),
  AUTH_REFRESH_TTL_SECONDS: seconds(3_600, 7_776_000, 2_592_000),
  AUTH_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(10_000).default(10),
});

/** The auth module's settings, read from the environment once at start. */
export interface AuthSettings {
  /** HS256 signing key (≥ 32 bytes). Never logged. */
  key: Uint8Array;
  /** `env` when AUTH_JWT_SECRET gave it; `generated` for a per-process key (development and test only). */
  keySource: 'env' | 'generated';
  issuer: string;
  audience: string;
  /** Access-token lifetime, seconds (default 900). */
  accessTtlSeconds: number;
  /** Refresh-token lifetime, seconds (default 30 days). */
  refreshTtlSeconds: number;
  /** Stricter limit on register, login and refresh: requests per client IP per window (ms). */
  rateLimit: { windowMs: number; limit: number };
}

/** The auth environment is missing or malformed; the message names each variable, never a value. */
export class AuthConfigError extends Error {
  /** @param problems - one `NAME: reason` per bad variable. */
  constructor(readonly problems: string[]) {
    super(`Invalid auth configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'AuthConfigError';
  }
}

/**
 * Reads the auth settings (zod-validated). AUTH_JWT_SECRET is required in production; in
 * development and test a random key is generated for the process (tokens die with it) and a
 * warning says so (trace level under NODE_ENV=test) — never the key itself.
 *
 * @param env - the environment.
 * @param rootLog - the root logger.
 * @returns the settings.
 * @throws {AuthConfigError} when a variable is malformed, the secret is shorter than 32 bytes, or
 *   it is missing with NODE_ENV=production.
 */
export function loadAuthSettings(env: NodeJS.ProcessEnv, rootLog: Logger): AuthSettings {
  const log = functionLogger(moduleLogger(rootLog, 'AuthApi'), 'AuthApi', 'loadAuthSettings');
  const parsed = AuthEnv.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const e = parsed.data;
  const key = e?.AUTH_JWT_SECRET === undefined ? undefined : Buffer.from(e.AUTH_JWT_SECRET, 'base64');
  if (key !== undefined && key.length < MIN_KEY_BYTES) problems.push(`AUTH_JWT_SECRET: decodes to ${key.length} bytes, at least ${MIN_KEY_BYTES} are needed`);
  if (e && key === undefined && e.NODE_ENV === 'production') {
    problems.push('AUTH_JWT_SECRET: required in production (set it to the output of: openssl rand -base64 32)');
  }
  if (!e || problems.length > 0) {
    log.error({ problems }, 'refused');
    throw new AuthConfigError(problems);
  }
  if (key === undefined) {
    // Said at warn in development; test runs always use a generated key, so there it is trace.
    const level = e.NODE_ENV === 'test' ? 'trace' : 'warn';
    log[level]('AUTH_JWT_SECRET is not set: using a key generated for this process (tokens stop working on restart)');
  }
  return {
    key: key ?? randomBytes(MIN_KEY_BYTES),
    keySource: key === undefined ? 'generated' : 'env',
    issuer: e.AUTH_JWT_ISSUER,
    audience: e.AUTH_JWT_AUDIENCE,
    accessTtlSeconds: e.AUTH_ACCESS_TTL_SECONDS,
    refreshTtlSeconds: e.AUTH_REFRESH_TTL_SECONDS,
    rateLimit: { windowMs: e.AUTH_RATE_LIMIT_WINDOW_MS, limit: e.AUTH_RATE_LIMIT_MAX },
  };
}

let current: AuthSettings | undefined;

/**
 * The process's auth settings: {@link loadAuthSettings} on `process.env`, once, so the
 * composition root and the router share one key (a generated one included).
 *
 * @param rootLog - the root logger.
 * @returns the settings.
 * @throws {AuthConfigError} as {@link loadAuthSettings} does.
 */
export function authSettings(rootLog: Logger): AuthSettings {
  functionLogger(moduleLogger(rootLog, 'AuthApi'), 'AuthApi', 'authSettings').trace('read');
  current ??= loadAuthSettings(process.env, rootLog);
  return current;
}
