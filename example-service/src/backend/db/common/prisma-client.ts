import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../../../generated/prisma/client.js';
import { assertDatabaseUrl, dbFunctionLogger, describeDatabaseUrl, silentLogger, type Logger } from './db-logging.js';
import { translatePrismaError } from './prisma-errors.js';

export { PrismaClient };

/** Options of {@link createPrismaClient}. */
export interface PrismaClientOptions {
  /** PostgreSQL URL (a real server, or the embedded one's). */
  url: string;
  /** Pool size; must be 1 on the embedded database (one PGlite session). Default 10. */
  poolMax?: number;
  /** How long to wait for a connection, in ms. Default 5000. */
  connectTimeoutMs?: number;
  /** Server-side `statement_timeout`, in ms (0 = none). Default 30000. */
  statementTimeoutMs?: number;
  /** Close a connection idle for this many ms (pg's default: 10000). */
  idleTimeoutMs?: number;
  /**
   * Client-side limit on one query, in ms: covers a network that swallows packets, where the
   * server-side `statement_timeout` never fires. Default: statement timeout + 2000 (or none).
   */
  queryTimeoutMs?: number;
  log?: Logger;
}

/**
 * Sets the session's `statement_timeout` on a new pool connection; a failure is logged, not thrown
 * (the startup parameter may already hold the limit).
 *
 * @param client - the new connection, not yet handed out.
 * @param ms - the limit in ms (> 0).
 * @param log - the function logger of {@link createPrismaClient}.
 * @returns when the statement finished or failed.
 */
async function setStatementTimeout(client: pg.ClientBase, ms: number, log: Logger): Promise<void> {
  await client.query(`SET statement_timeout = ${ms}`).catch((err: unknown) => log.warn({ err }, 'could not set statement_timeout'));
}

/**
 * Creates the generated Prisma Client (Rust-free, `prisma-client` generator) on `@prisma/adapter-pg`,
 * extended so that every operation throws domain errors ({@link translatePrismaError}).
 * Nothing connects until the first query.
 *
 * @param opts - URL, pool size and timeouts, and an optional logger.
 * @returns a PrismaClient; call `$disconnect()` to end its pool.
 * @throws {TypeError} when the URL is not a postgres:// URL.
 * @throws {RangeError} when a size or timeout is negative or not an integer.
 */
export function createPrismaClient(opts: PrismaClientOptions): PrismaClient {
  const log = dbFunctionLogger(opts.log ?? silentLogger, 'createPrismaClient');
  const max = opts.poolMax ?? 10;
  const connectionTimeoutMillis = opts.connectTimeoutMs ?? 5_000;
  const statementTimeout = opts.statementTimeoutMs ?? 30_000;
  const idleTimeoutMillis = opts.idleTimeoutMs ?? 10_000;
  const queryTimeout = opts.queryTimeoutMs ?? (statementTimeout > 0 ? statementTimeout + 2_000 : 0);
  const settings = {
    target: describeDatabaseUrl(opts.url),
    max,
    connectionTimeoutMillis,
    statementTimeout,
    queryTimeout,
    idleTimeoutMillis,
  };
  log.debug(settings, 'called');
  try {
    assertDatabaseUrl(opts.url);
  } catch (err) {
    log.error({ err }, 'invalid options');
    throw err;
  }
  for (const [name, value, min] of [
    ['poolMax', max, 1],
    ['connectTimeoutMs', connectionTimeoutMillis, 0],
    ['statementTimeoutMs', statementTimeout, 0],
    ['idleTimeoutMs', idleTimeoutMillis, 0],
    ['queryTimeoutMs', queryTimeout, 0],
  ] as const) {
    if (!Number.isInteger(value) || value < min) {
      const err = new RangeError(`${name} must be an integer >= ${min}`);
      log.error({ err }, 'invalid options');
      throw err;
    }
  }
  const pool = new pg.Pool({
    connectionString: opts.url,
    max,
    connectionTimeoutMillis,
    idleTimeoutMillis,
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}),
    ...(queryTimeout > 0 ? { query_timeout: queryTimeout } : {}),
    // The startup parameter above is ignored by some servers in front of PostgreSQL (poolers, the
    // embedded PGlite socket), so it is set again on each new connection. pg-pool awaits `onConnect`
    // before it hands the client out: a `connect` listener would race the caller's first query on
    // the same client (pg's "client is already executing a query" DeprecationWarning).
    ...(statementTimeout > 0 ? { onConnect: (client: pg.ClientBase) => setStatementTimeout(client, statementTimeout, log) } : {}),
  });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    onPoolError: (err) => log.warn({ err }, 'idle connection error'),
  });
  // Every operation's Prisma/driver error becomes a domain error (409 / 404 / 503) in one place,
  // so generated repositories need no per-module mapping and no Prisma text reaches a client.
  const prisma = new PrismaClient({ adapter }).$extends({
    name: 'domain-errors',
    query: {
      async $allOperations({ model, args, query }) {
        try {
          return await query(args);
        } catch (err) {
          throw translatePrismaError(err, model, (args as { where?: { id?: unknown } } | undefined)?.where?.id);
        }
      },
    },
  }) as unknown as PrismaClient;
  log.debug(settings, 'client created');
  return prisma;
}
