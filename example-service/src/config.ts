import { z } from 'zod';

/** Log levels pino accepts, plus `silent`. */
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const Flag = z.enum(['true', 'false']).transform((value) => value === 'true');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).max(255).optional(),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  LOG_LEVEL: LogLevel.optional(),
  MIGRATE_ON_START: Flag.optional(),
  RATE_LIMIT_WINDOW_MS: ms(1_000, 3_600_000).default(60_000),
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).max(1_000_000).default(600),
  TRUST_PROXY: z.string().regex(/^(false|true|[0-9]{1,2}|[0-9a-fA-F.:/, ]{1,512}|loopback|linklocal|uniquelocal)$/, 'must be false, true, a hop count or addresses').default('false'),
  HTTP_HEADERS_TIMEOUT_MS: ms(1_000, 120_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: ms(1_000, 600_000).default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: ms(1_000, 120_000).default(5_000),
  SHUTDOWN_DELAY_MS: ms(0, 60_000).default(0),
  SHUTDOWN_TIMEOUT_MS: ms(100, 120_000).default(10_000),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(1_000).default(10),
  DB_CONNECT_TIMEOUT_MS: ms(100, 60_000).default(5_000),
  DB_STATEMENT_TIMEOUT_MS: ms(100, 600_000).default(15_000),
  CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\*|https?:\/\/[a-zA-Z0-9.-]+(:[0-9]{1,5})?)$/, 'each entry must be an origin such as https://app.example.com (scheme://host[:port], no path or trailing slash) or *')))
    .optional(),
  CORS_CREDENTIALS: Flag.default(false),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1-64 letters, digits or : _ . -').default('example-service:'),
});

/** A duration in milliseconds within bounds. */
function ms(min: number, max: number) {
  return z.coerce.number().int().min(min).max(max);
}

/** The service's configuration, read once at start-up. */
export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  /** Interface to bind: `HOST`, else loopback (127.0.0.1) in development and test, every interface (0.0.0.0) in production. */
  host: string;
  /** PostgreSQL server to use; `undefined` selects the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder (relative to the service root, or absolute) where the embedded database persists. */
  dataDir: string;
  logLevel: z.infer<typeof LogLevel>;
  /** Pretty, human-readable log lines (development only). */
  prettyLogs: boolean;
  /** Apply pending migrations before serving (default: on outside production). */
  migrateOnStart: boolean;
  /** Requests per client IP per window; 0 turns the limiter off. */
  rateLimit: { windowMs: number; limit: number };
  /** Express `trust proxy`: `false` (default, no proxy), `true`, a hop count or addresses. */
  trustProxy: boolean | number | string;
  /** Node HTTP server timeouts, in ms. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number };
  /** Graceful stop: readiness fails for `delayMs` before the listener closes; in-flight work gets `timeoutMs`. */
  shutdown: { delayMs: number; timeoutMs: number };
  /** Pool size, connect timeout and server-side statement timeout (ms) of the database client. */
  db: { poolMax: number; connectTimeoutMs: number; statementTimeoutMs: number };
  /** CORS allow-list (`CORS_ORIGINS`, comma-separated) and credentials; `undefined` (default): no CORS headers. */
  cors: { origins: string[]; credentials: boolean } | undefined;
  /** Shared rate-limit store (`REDIS_URL`) and the prefix of its keys; `undefined`: counters in process memory. */
  redis: { url: string; keyPrefix: string } | undefined;
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (value === 'true') return true;
  return /^[0-9]+$/.test(value) ? Number(value) : value;
}

/** The CORS combinations the Fetch standard forbids or that make no sense, as a `NAME: reason` line. */
function checkCors(origins: string[], credentials: boolean): string | undefined {
  if (!origins.includes('*')) return credentials && origins.length === 0 ? 'CORS_CREDENTIALS: needs CORS_ORIGINS (the allowed origins)' : undefined;
  if (origins.length > 1) return 'CORS_ORIGINS: "*" must stand alone (it already allows every origin)';
  return credentials ? 'CORS_ORIGINS: "*" cannot be combined with CORS_CREDENTIALS=true; list the allowed origins instead' : undefined;
}

/** Raised when the environment holds a bad or missing value; the message names each variable. */
export class ConfigError extends Error {
  /**
   * @param problems - one `NAME: reason` line per bad variable; values are never echoed.
   */
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration from environment variables (zod).
 *
 * @param env - the environment, `process.env` by default.
 * @returns the validated configuration; `PORT` defaults to 3000, `HOST` to 127.0.0.1 (0.0.0.0 in
 *   production), `LOG_LEVEL` to `debug` in
 *   development and `info` otherwise; limits and timeouts (ms) have the defaults listed in
 *   docs/reliability.md.
 * @throws {ConfigError} when a variable is malformed; the message lists every bad variable by name
 *   and never includes its value (a URL may hold a password).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const corsProblem = checkCors(e.CORS_ORIGINS ?? [], e.CORS_CREDENTIALS);
  if (corsProblem) throw new ConfigError([corsProblem]);
  const dev = e.NODE_ENV === 'development';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (e.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL ?? (dev ? 'debug' : 'info'),
    prettyLogs: dev,
    migrateOnStart: e.MIGRATE_ON_START ?? e.NODE_ENV !== 'production',
    rateLimit: { windowMs: e.RATE_LIMIT_WINDOW_MS, limit: e.RATE_LIMIT_MAX },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    http: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    shutdown: { delayMs: e.SHUTDOWN_DELAY_MS, timeoutMs: e.SHUTDOWN_TIMEOUT_MS },
    db: { poolMax: e.DB_POOL_MAX, connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS },
    cors: e.CORS_ORIGINS?.length ? { origins: e.CORS_ORIGINS, credentials: e.CORS_CREDENTIALS } : undefined,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
  };
}
