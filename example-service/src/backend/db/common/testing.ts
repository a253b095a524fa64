import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { databaseNameOf, dbFunctionLogger, describeDatabaseUrl, silentLogger, withDatabase, type Logger } from './db-logging.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations } from './migrator.js';
import { dropDatabase } from './postgres-admin.js';
import { migrationsKey, readCachedSnapshot, writeCachedSnapshot } from './snapshot-cache.js';
import { createPrismaClient, type PrismaClient } from './prisma-client.js';

/** The service's committed migrations, found from this file rather than from the working directory. */
export const SERVICE_MIGRATIONS_DIR = fileURLToPath(new URL('../../../../prisma/migrations', import.meta.url));

/** Options of {@link openTestDatabase}. */
export interface TestDatabaseOptions {
  /** Defaults to the service's `prisma/migrations`. */
  migrationsDir?: string;
  /** With DATABASE_URL: use that database itself instead of a scratch database per call. */
  shared?: boolean;
  log?: Logger;
}

/** A database for one test file or test. */
export interface TestDatabase {
  prisma: PrismaClient;
  /** Never log it (it may hold a password). */
  url: string;
  /** Disconnects, then stops the PGlite instance or drops the scratch database. Idempotent. */
  close(): Promise<void>;
}

/** Migrated PGlite data directories, one per migrations folder, built once per process. */
const templates = new Map<string, Promise<Blob>>();

/**
 * Builds (once per process and migrations folder) a migrated PGlite data directory to copy:
 * starting PGlite from a snapshot takes ~0.6 s instead of ~2.5–4 s for a fresh `initdb`. Snapshots
 * are also cached on disk (`node_modules/.cache/pglite-snapshots`, see `snapshotCache`): the migrated one by a hash of the
 * migrations (a re-run skips initdb and migrations), and the fresh `initdb` one (a new migration
 * only applies the migrations, on a copy of it).
 */
function migratedTemplate(migrationsDir: string, log: Logger): Promise<Blob> {
  let template = templates.get(migrationsDir);
  if (template === undefined) {
    template = (async () => {
      const key = `migrated-${await migrationsKey(migrationsDir)}`;
      const cached = await readCachedSnapshot(key);
      if (cached !== undefined) return cached;
      const base = await readCachedSnapshot('base');
      const server = await startEmbeddedPostgres({ log, ...(base !== undefined ? { snapshot: base } : {}) });
      try {
        if (base === undefined) await writeCachedSnapshot('base', await server.snapshot(), log);
        await applyMigrations({ url: server.url, migrationsDir, log });
        const migrated = await server.snapshot();
        await writeCachedSnapshot(key, migrated, log);
        return migrated;
      } finally {
        await server.stop();
      }
    })();
    template.catch(() => templates.delete(migrationsDir));
    templates.set(migrationsDir, template);
  }
  return template;
}

/** A database name unique to this call, within PostgreSQL's 63-byte limit. */
function scratchName(base: string): string {
  return `${base.slice(0, 30)}_t${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
}

/**
 * Opens an isolated, migrated database for integration tests.
 * - DATABASE_URL unset: a fresh in-memory PGlite (from a per-process migrated snapshot) per call.
 * - DATABASE_URL set: a scratch database `<db>_t<pid>_<random>` on that server per call, migrated,
 *   and dropped on close — so test files running at once never see each other's rows. With
 *   `shared: true` the database itself is migrated and used (concurrent callers serialise on the
 *   engine's advisory lock).
 *
 * @param opts - optional migrations folder, sharing mode and logger (silent by default).
 * @returns the Prisma client, the URL and close.
 * @throws {DatabaseUnavailableError} when DATABASE_URL's server cannot be reached.
 * @throws {MigrationError} when a migration fails.
 */
export async function openTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const baseLog = opts.log ?? silentLogger;
  const log = dbFunctionLogger(baseLog, 'openTestDatabase');
  const migrationsDir = opts.migrationsDir ?? SERVICE_MIGRATIONS_DIR;
  const serverUrl = process.env.DATABASE_URL;
  log.debug(
    { target: serverUrl === undefined ? '(embedded)' : describeDatabaseUrl(serverUrl), migrationsDir, shared: opts.shared ?? false },
    'called',
  );
  try {
    if (serverUrl === undefined) {
      const snapshot = await migratedTemplate(migrationsDir, baseLog);
      const server = await startEmbeddedPostgres({ snapshot, log: baseLog });
      const prisma = createPrismaClient({ url: server.url, poolMax: 1, idleTimeoutMs: 1_000, log: baseLog });
      return closable(prisma, server.url, () => server.stop());
    }
    const shared = opts.shared === true;
    const database = shared ? undefined : scratchName(databaseNameOf(serverUrl) ?? 'postgres');
    const url = database === undefined ? serverUrl : withDatabase(serverUrl, database);
    const dropScratch = async (): Promise<void> => {
      if (database !== undefined) await dropDatabase({ url: serverUrl, database, log: baseLog });
    };
    try {
      await applyMigrations({ url, migrationsDir, log: baseLog });
    } catch (err) {
      await dropScratch().catch(() => undefined);
      throw err;
    }
    const prisma = createPrismaClient({ url, poolMax: 5, log: baseLog });
    log.debug({ target: describeDatabaseUrl(url) }, 'test database ready');
    return closable(prisma, url, dropScratch);
  } catch (err) {
    log.error({ err }, 'could not open a test database');
    throw err;
  }
}

/** Wraps a client and its cleanup into an idempotent close. */
function closable(prisma: PrismaClient, url: string, cleanup: () => Promise<void>): TestDatabase {
  let closing: Promise<void> | undefined;
  return {
    prisma,
    url,
    close: () => {
      closing ??= (async () => {
        try {
          await prisma.$disconnect();
        } finally {
          await cleanup();
        }
      })();
      return closing;
    },
  };
}
