import { z } from 'zod';

/** Log levels pino accepts, plus `silent`. */
const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const Flag = z.enum(['true', 'false']).transform((value) => value === 'true');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).max(255).default('0.0.0.0'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  LOG_LEVEL: LogLevel.optional(),
  MIGRATE_ON_START: Flag.optional(),
});

/** The service's configuration, read once at start-up. */
export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
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
 * @returns the validated configuration; `PORT` defaults to 3000, `LOG_LEVEL` to `debug` in
 *   development and `info` otherwise.
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
  const dev = e.NODE_ENV === 'development';
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL ?? (dev ? 'debug' : 'info'),
    prettyLogs: dev,
    migrateOnStart: e.MIGRATE_ON_START ?? e.NODE_ENV !== 'production',
  };
}
