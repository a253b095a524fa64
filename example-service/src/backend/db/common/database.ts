import { dbFunctionLogger, describeDatabaseUrl, type Logger } from './db-logging.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations } from './migrator.js';
import { createPrismaClient, type PrismaClient } from './prisma-client.js';
import { dataDirStart, writeCachedSnapshot } from './snapshot-cache.js';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** PostgreSQL server URL; when undefined, the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string;
  /** Where the embedded database persists (ignored with `databaseUrl`). */
  dataDir: string;
  /** Prisma migrations folder (`prisma/migrations`). */
  migrationsDir: string;
  /** Apply pending migrations before returning. */
  migrate: boolean;
  log: Logger;
  /** Pool size on a real server (the embedded database always uses 1). Default 10. */
  poolMax?: number;
  /** How long a query waits for a pool connection, in ms. Default 5000. */
  connectTimeoutMs?: number;
  /** Server-side `statement_timeout`, in ms. Default 30000. */
  statementTimeoutMs?: number;
}

/** An open database. */
export interface Database {
  /** The URL in use (embedded: `postgresql://postgres@127.0.0.1:<port>/postgres`). Never log it. */
  url: string;
  /** True when this process runs the database (PGlite). */
  embedded: boolean;
  prisma: PrismaClient;
  /**
   * Runs a bounded `SELECT 1` (readiness probe).
   * @param timeoutMs - give up after this many ms (default 1000).
   * @returns when the database answered in time.
   * @throws when it failed or did not answer in time.
   */
  ping(timeoutMs?: number): Promise<void>;
  /** Disconnects Prisma, then stops the embedded database if any. Idempotent. */
  close(): Promise<void>;
}

/**
 * Runs `work` but rejects after `ms`; the timer never keeps the process alive.
 *
 * @param work - the promise to bound.
 * @param ms - the time limit.
 * @returns what `work` resolves to.
 * @throws `work`'s error, or a timeout error.
 */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens the service's database: the PostgreSQL server at `databaseUrl`, or — when it is unset —
 * an embedded PGlite persisted in `dataDir` and served on 127.0.0.1 (pool of one connection).
 * With `migrate`, pending migrations are applied before the client is created. A fresh (missing or
 * empty) data folder starts from the cached snapshot of these migrations when the tests or an
 * earlier start cached one, and caches it otherwise (`node_modules/.cache/pglite-snapshots`).
 *
 * @param opts - see {@link OpenDatabaseOptions}.
 * @returns the Prisma client, the URL, a readiness ping and close.
 * @throws {DatabaseUnavailableError} when the server cannot be reached (with `migrate`).
 * @throws {MigrationError} when a migration fails.
 * @throws when the embedded database cannot start (e.g. `dataDir` used by another process).
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  const log = dbFunctionLogger(opts.log, 'openDatabase');
  const embedded = opts.databaseUrl === undefined;
  log.debug(
    {
      embedded,
      target: opts.databaseUrl === undefined ? undefined : describeDatabaseUrl(opts.databaseUrl),
      dataDir: embedded ? opts.dataDir : undefined,
      migrationsDir: opts.migrationsDir,
      migrate: opts.migrate,
    },
    'called',
  );
  let server: EmbeddedPostgres | undefined;
  try {
    // A fresh data folder starts from a cached snapshot when there is one (see dataDirStart).
    const start = embedded ? await dataDirStart(opts.dataDir, opts.migrate ? opts.migrationsDir : undefined) : {};
    if (embedded) server = await startEmbeddedPostgres({ dataDir: opts.dataDir, ...(start.snapshot ? { snapshot: start.snapshot } : {}), log: opts.log });
    const url = server?.url ?? (opts.databaseUrl as string);
    if (opts.migrate) await applyMigrations({ url, migrationsDir: opts.migrationsDir, log: opts.log });
    // Once per machine and set of migrations: the next fresh folder skips initdb and migrations.
    if (server !== undefined && start.cacheAs !== undefined) await writeCachedSnapshot(start.cacheAs, await server.snapshot(), opts.log);
    // Embedded: one connection (one PGlite session), released after 1 s idle so another client
    // (e.g. psql on the same URL) gets its turn at the connection gate.
    const timeouts = { connectTimeoutMs: opts.connectTimeoutMs, statementTimeoutMs: opts.statementTimeoutMs };
    const prisma = createPrismaClient(
      embedded
        ? { url, poolMax: 1, idleTimeoutMs: 1_000, ...timeouts, log: opts.log }
        : { url, poolMax: opts.poolMax, ...timeouts, log: opts.log },
    );
    const pingLog = dbFunctionLogger(opts.log, 'pingDatabase');
    let closing: Promise<void> | undefined;
    const database: Database = {
      url,
      embedded,
      prisma,
      ping: async (timeoutMs = 1_000) => {
        try {
          await withTimeout(prisma.$queryRaw`SELECT 1`, timeoutMs);
        } catch (err) {
          pingLog.error({ err, timeoutMs }, 'database not ready');
          throw err;
        }
      },
      close: () => {
        closing ??= (async () => {
          const closeLog = dbFunctionLogger(opts.log, 'closeDatabase');
          closeLog.debug({ embedded }, 'called');
          try {
            await prisma.$disconnect();
          } finally {
            await server?.stop();
          }
          closeLog.info({ embedded }, 'database closed');
        })();
        return closing;
      },
    };
    log.info({ embedded, target: describeDatabaseUrl(url), migrated: opts.migrate }, 'database open');
    return database;
  } catch (err) {
    log.error({ err, embedded }, 'could not open the database');
    await server?.stop().catch(() => undefined);
    throw err;
  }
}
