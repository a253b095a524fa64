import { pino, type Logger } from 'pino';

export type { Logger };

/** The module name used in every `[Db:function]` log prefix. */
export const DB_MODULE = 'Db';

/** A logger that writes nothing; the default where a caller passes no logger. */
export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * A function logger whose messages start with `[Db:<fn>] ` (pino `msgPrefix`).
 *
 * @param log - the caller's logger (root or module logger).
 * @param fn - the function's name, e.g. `applyMigrations`.
 * @returns a child logger carrying `{ fn }`; always pass a message string so the prefix shows.
 * @throws never.
 */
export function dbFunctionLogger(log: Logger, fn: string): Logger {
  return log.child({ fn }, { msgPrefix: `[${DB_MODULE}:${fn}] ` });
}

/**
 * Describes a PostgreSQL URL for logs without credentials or query string.
 *
 * @param url - a `postgres://` or `postgresql://` URL.
 * @returns `host:port/database`, or `<unparsable url>` when the URL cannot be parsed.
 * @throws never.
 */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default)';
    return `${parsed.hostname}:${parsed.port || '5432'}/${database}`;
  } catch {
    return '<unparsable url>';
  }
}

/**
 * Checks that a database URL parses, with an error that does not echo it (Node's `Invalid URL`
 * error carries the input, credentials included, and pino would log it).
 *
 * @param url - the URL to check.
 * @returns nothing.
 * @throws {TypeError} when it is not a `postgres://` or `postgresql://` URL.
 */
export function assertDatabaseUrl(url: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new TypeError('the database URL is not a valid postgres:// or postgresql:// URL');
  }
}

/**
 * Reads the name of the database a URL points at.
 *
 * @param url - a `postgres://` or `postgresql://` URL.
 * @returns the database name, or `undefined` when the URL names none.
 * @throws {TypeError} when the URL cannot be parsed.
 */
export function databaseNameOf(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name === '' ? undefined : name;
}

/**
 * Returns the same URL pointing at another database on the same server.
 *
 * @param url - a `postgres://` or `postgresql://` URL.
 * @param database - the database name to put in the URL.
 * @returns the new URL (credentials and query string kept).
 * @throws {TypeError} when the URL cannot be parsed.
 */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
