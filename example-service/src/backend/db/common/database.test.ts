import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { migrationsKey, snapshotCache } from './snapshot-cache.js';
import { openTestDatabase, SERVICE_MIGRATIONS_DIR } from './testing.js';
import { captureLog, cleanupTempDirs, scratchOnServer, tempDir, writeMigrations } from './test-support.js';

afterAll(cleanupTempDirs);

const NOTES = `-- CreateTable
CREATE TABLE "notes" (
    "id" SERIAL NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);
`;

/** Snapshots cached by {@link uniqueMigrations}' runs, removed after the file. */
const cachedByTests: string[] = [];
afterAll(() => {
  for (const file of cachedByTests) rmSync(file, { force: true });
});

/**
 * A migrations folder no other run has (a random comment), so no snapshot of it is cached yet.
 *
 * @returns the folder and the cache file its migrated snapshot goes to.
 */
async function uniqueMigrations(): Promise<{ migrationsDir: string; cached: string }> {
  const migrationsDir = await writeMigrations({ '20260101000000_notes': `${NOTES}-- ${randomUUID()}\n` });
  const { dir, version } = snapshotCache();
  const cached = path.join(dir, `migrated-${await migrationsKey(migrationsDir)}-${version}.tgz`);
  cachedByTests.push(cached);
  return { migrationsDir, cached };
}

describe('openDatabase', () => {
  it('When no databaseUrl is given, then it migrates and serves an embedded database that survives a restart', async () => {
    const dataDir = path.join(await tempDir('service'), '.data', 'pglite');
    const { migrationsDir } = await uniqueMigrations();
    const { log, text } = captureLog();

    const first = await openDatabase({ dataDir, migrationsDir, migrate: true, log });
    await first.prisma.$executeRaw`INSERT INTO notes (body) VALUES (${'kept'})`;
    await first.ping();
    await first.close();
    await first.close(); // idempotent

    const second = await openDatabase({ dataDir, migrationsDir, migrate: true, log });
    const rows = await second.prisma.$queryRaw<Array<{ body: string }>>`SELECT body FROM notes`;
    await second.close();

    expect(first.embedded).toBe(true);
    expect(rows).toEqual([{ body: 'kept' }]);
    expect(text()).toContain('[Db:applyMigrations] applied 1 migration(s)');
    expect(text()).toContain('[Db:applyMigrations] database schema up to date');
    expect(text()).toContain('[Db:openDatabase] database open');
  });

  it('When a fresh data folder opens with migrations no snapshot exists for, then their migrated state is cached and the next fresh folder starts from it, empty', async () => {
    const { migrationsDir, cached } = await uniqueMigrations();
    const first = await openDatabase({ dataDir: path.join(await tempDir('fresh'), 'pglite'), migrationsDir, migrate: true, log: captureLog('silent').log });
    await first.prisma.$executeRaw`INSERT INTO notes (body) VALUES (${'only in the first'})`;
    await first.close();
    expect(existsSync(cached)).toBe(true);

    const { log, text } = captureLog();
    const second = await openDatabase({ dataDir: path.join(await tempDir('fresh'), 'pglite'), migrationsDir, migrate: true, log });
    const rows = await second.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM notes`;
    await second.close();
    expect(rows).toEqual([{ n: 0 }]);
    expect(text()).toContain('"fromSnapshot":true');
    expect(text()).toContain('[Db:applyMigrations] database schema up to date');
    expect(text()).not.toContain('applied 1 migration(s)');
  });

  it('When the database is closed, then ping rejects', async () => {
    const db = await openDatabase({ dataDir: await tempDir('closed'), migrationsDir: '/none', migrate: false, log: captureLog('silent').log });
    await db.ping(5_000);
    await db.close();

    await expect(db.ping(2_000)).rejects.toThrow();
  });

  it.runIf(process.env.DATABASE_URL !== undefined)('When databaseUrl names a missing database, then it creates and migrates it', async () => {
    const target = scratchOnServer(process.env.DATABASE_URL as string);
    const migrationsDir = await writeMigrations({ '20260101000000_notes': NOTES });
    try {
      const db = await openDatabase({ databaseUrl: target.url, dataDir: '/unused', migrationsDir, migrate: true, log: captureLog('silent').log });
      const rows = await db.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM notes`;
      await db.ping();
      await db.close();

      expect(db.embedded).toBe(false);
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await target.close();
    }
  });
});

describe('openTestDatabase', () => {
  it('When two are opened at once, then each is migrated and isolated from the other', async () => {
    const migrationsDir = await writeMigrations({ '20260101000000_notes': NOTES });
    const [a, b] = await Promise.all([openTestDatabase({ migrationsDir }), openTestDatabase({ migrationsDir })]);
    try {
      await a.prisma.$executeRaw`INSERT INTO notes (body) VALUES ('only in a')`;
      const inA = await a.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM notes`;
      const inB = await b.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM notes`;

      expect(a.url).not.toBe(b.url);
      expect(inA).toEqual([{ n: 1 }]);
      expect(inB).toEqual([{ n: 0 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('When no migrations folder is given, then the service migrations (found from the module, not cwd) are applied', async () => {
    expect(SERVICE_MIGRATIONS_DIR).toBe(path.resolve(import.meta.dirname, '../../../../prisma/migrations'));
    expect(SERVICE_MIGRATIONS_DIR.endsWith(path.join('example-service', 'prisma', 'migrations'))).toBe(true);
    const db = await openTestDatabase();
    try {
      const rows = await db.prisma.$queryRaw<Array<{ t: string | null }>>`SELECT to_regclass('_prisma_migrations')::text AS t`;
      expect(rows).toEqual([{ t: '_prisma_migrations' }]);
    } finally {
      await db.close();
    }
  });
});
