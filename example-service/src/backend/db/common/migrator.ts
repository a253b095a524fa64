import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationDirectory, MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { dbFunctionLogger, describeDatabaseUrl, type Logger } from './db-logging.js';
import { ensureDatabaseExists } from './postgres-admin.js';
import { openSchemaEngine } from './schema-engine.js';

/** Options of {@link applyMigrations}. */
export interface ApplyMigrationsOptions {
  /** PostgreSQL URL; the database is created when missing. */
  url: string;
  /** Prisma's layout: `<dir>/<timestamp>_<name>/migration.sql` + `<dir>/migration_lock.toml`. */
  migrationsDir: string;
  log: Logger;
}

/** Raised when a migration cannot be applied; the database keeps Prisma's record of the failure. */
export class MigrationError extends Error {
  /**
   * @param message - what failed, with the engine's and PostgreSQL's reasons.
   * @param code - the engine's Prisma error code (e.g. `P3009`), when it gave one.
   * @param cause - PostgreSQL's original error, or the engine's.
   */
  constructor(
    message: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(message, { cause });
    this.name = 'MigrationError';
  }
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };
const LOCKFILE = 'migration_lock.toml';
const SCRIPT = 'migration.sql';

/**
 * Reads a migrations folder exactly as the Prisma 7.10.1 CLI does (`migrate deploy`): every
 * sub-folder is a migration whose `migration.sql` is read as UTF-8, sorted by name with
 * `localeCompare`; a missing folder is an empty history.
 *
 * @param migrationsDir - the migrations folder.
 * @returns the engine's `MigrationList` (no shadow-database init script).
 * @throws when the folder exists but cannot be read.
 */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await readFile(path.join(baseDir, LOCKFILE), 'utf-8').catch(() => null);
  const lockfile = { path: LOCKFILE, content: lockContent };
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await readFile(path.join(baseDir, entry.name, SCRIPT), 'utf-8').then(
      (value) => ({ tag: 'ok' as const, value }),
      (err: Error) => ({ tag: 'error' as const, value: err.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: SCRIPT, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript: '' };
}

/** The engine error's own lines (not its indented Rust span trace), and the migration it names. */
function engineReason(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  const migration = /migration_name="([^"]+)"/.exec(message)?.[1];
  const lines = message
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s/.test(line))
    .slice(0, 6);
  return `${migration === undefined ? '' : `migration ${migration}: `}${lines.join(' ')}`;
}

/**
 * Applies pending migrations in process with Prisma's wasm schema engine — what
 * `prisma migrate deploy` does, without the native engine the CLI would download. The engine
 * takes PostgreSQL's advisory lock 72707369 (so concurrent callers on one database serialise),
 * records each migration in `_prisma_migrations` exactly as the CLI does (checksum = sha256 of
 * `migration.sql`), and runs each script as one unit. A failing script is rolled back, recorded as
 * failed (not applied), and thrown; later calls then refuse to continue (`P3009`) until it is
 * resolved, exactly like the CLI.
 *
 * @param opts - the database URL, the migrations folder and the logger.
 * @returns the names of the migrations applied by this call (empty when up to date).
 * @throws {DatabaseUnavailableError} when PostgreSQL cannot be reached or the database created.
 * @throws {MigrationError} when a migration fails, was edited after being applied, or an earlier
 *   failure is unresolved.
 */
export async function applyMigrations(opts: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const log = dbFunctionLogger(opts.log, 'applyMigrations');
  const target = describeDatabaseUrl(opts.url);
  log.debug({ target, migrationsDir: opts.migrationsDir }, 'called');
  try {
    const migrationsList = await readMigrationsList(opts.migrationsDir);
    await ensureDatabaseExists({ url: opts.url, log: opts.log });
    const started = performance.now();
    const opened = await openSchemaEngine({ url: opts.url, log: opts.log });
    const initMs = Math.round(performance.now() - started);
    let applied: string[];
    try {
      applied = (await opened.engine.applyMigrations({ migrationsList, filters: NO_FILTERS })).appliedMigrationNames;
    } catch (err) {
      const pgError = opened.lastScriptError();
      const reason = pgError === undefined ? engineReason(err) : `${engineReason(err)} (PostgreSQL: ${pgError.message})`;
      throw new MigrationError(`Applying migrations to ${target} failed: ${reason}`, (err as { code?: string }).code, pgError ?? err);
    } finally {
      await opened.close();
    }
    const applyMs = Math.round(performance.now() - started) - initMs;
    log.info(
      { target, applied, known: migrationsList.migrationDirectories.length, initMs, applyMs },
      applied.length > 0 ? `applied ${applied.length} migration(s)` : 'database schema up to date',
    );
    return { applied };
  } catch (err) {
    log.error({ err, target }, 'migration failed');
    throw err;
  }
}
