import pg from 'pg';
import {
  assertDatabaseUrl,
  databaseNameOf,
  dbFunctionLogger,
  describeDatabaseUrl,
  withDatabase,
  type Logger,
} from './db-logging.js';

const CONNECT_TIMEOUT_MS = 5_000;
const DATABASE_MISSING = '3D000';
const DATABASE_EXISTS = '42P04';

/** Raised when PostgreSQL cannot be reached or refuses the connection; never holds credentials. */
export class DatabaseUnavailableError extends Error {
  /**
   * @param target - `host:port/database` (from describeDatabaseUrl).
   * @param cause - the driver's error.
   */
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`Cannot connect to PostgreSQL at ${target}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Quotes an SQL identifier. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs `fn` with a short-lived client; the client is always closed. */
async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Makes sure the database a URL points at exists and accepts connections: creates it (through the
 * server's `postgres` database) when PostgreSQL answers "database does not exist". Safe when
 * several processes do it at once. The wasm schema engine crashes on connection errors instead of
 * reporting them, so this runs before it.
 *
 * @param opts - the URL and the logger.
 * @returns whether the database was created.
 * @throws {DatabaseUnavailableError} when the URL is malformed, the server cannot be reached,
 *   refuses the credentials, or the database cannot be created (e.g. no CREATEDB right).
 */
export async function ensureDatabaseExists(opts: { url: string; log: Logger }): Promise<{ created: boolean }> {
  const log = dbFunctionLogger(opts.log, 'ensureDatabaseExists');
  const target = describeDatabaseUrl(opts.url);
  log.debug({ target }, 'called');
  try {
    assertDatabaseUrl(opts.url);
    await withClient(opts.url, (client) => client.query('SELECT 1'));
    log.debug({ target, created: false }, 'database reachable');
    return { created: false };
  } catch (err) {
    const name = databaseNameOf(opts.url);
    if ((err as { code?: string }).code !== DATABASE_MISSING || name === undefined) {
      const error = new DatabaseUnavailableError(target, err);
      log.error({ err: error }, 'database unreachable');
      throw error;
    }
  }
  const name = databaseNameOf(opts.url) as string;
  try {
    await withClient(withDatabase(opts.url, 'postgres'), async (client) => {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((err: { code?: string }) => {
        if (err.code !== DATABASE_EXISTS) throw err;
      });
    });
    await withClient(opts.url, (client) => client.query('SELECT 1'));
  } catch (err) {
    const error = new DatabaseUnavailableError(target, err);
    log.error({ err: error }, 'could not create the database');
    throw error;
  }
  log.info({ target, created: true }, 'database created');
  return { created: true };
}

/**
 * Drops a database (used by tests for their scratch databases), closing other sessions on it first.
 *
 * @param opts - a URL on the server (any database but the one dropped), the name, and the logger.
 * @returns nothing.
 * @throws {DatabaseUnavailableError} when the server cannot be reached or the drop fails.
 */
export async function dropDatabase(opts: { url: string; database: string; log: Logger }): Promise<void> {
  const log = dbFunctionLogger(opts.log, 'dropDatabase');
  const target = describeDatabaseUrl(withDatabase(opts.url, opts.database));
  log.debug({ target }, 'called');
  try {
    await withClient(withDatabase(opts.url, 'postgres'), (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(opts.database)} WITH (FORCE)`),
    );
  } catch (err) {
    const error = new DatabaseUnavailableError(target, err);
    log.error({ err: error }, 'could not drop the database');
    throw error;
  }
  log.debug({ target }, 'database dropped');
}
