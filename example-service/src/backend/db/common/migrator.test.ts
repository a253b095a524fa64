import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, readMigrationsList } from './migrator.js';
import { DatabaseUnavailableError } from './postgres-admin.js';
import { captureLog, cleanupTempDirs, scratchOnServer, TARGETS, writeMigrations } from './test-support.js';

afterAll(cleanupTempDirs);

const INIT = `-- CreateTable
CREATE TABLE "notes" (
    "id" SERIAL NOT NULL,
    "body" TEXT NOT NULL DEFAULT 'a;b',

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);
`;
const FUNCTION = `CREATE FUNCTION shout(t text) RETURNS text AS $$
BEGIN
  RETURN upper(t) || ';!';
END;
$$ LANGUAGE plpgsql;
INSERT INTO "notes" DEFAULT VALUES;
`;
const BROKEN = `CREATE TABLE "half_done" ("id" INT);
SELECT * FROM "no_such_table";
`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

interface MigrationRow extends pg.QueryResultRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}
const ROWS_SQL = `SELECT migration_name, checksum, finished_at, rolled_back_at, logs, applied_steps_count
  FROM _prisma_migrations ORDER BY migration_name`;

describe.each(TARGETS)('applyMigrations on $name', ({ open }) => {
  it('When migrations are pending, then it applies them in order and records them like the Prisma CLI', async () => {
    const db = await open();
    const dir = await writeMigrations({ '20260101000000_init': INIT, '20260102000000_function': FUNCTION });
    try {
      const { log, text } = captureLog();
      const result = await applyMigrations({ url: db.url, migrationsDir: dir, log });
      const rows = await query<MigrationRow>(db.url, ROWS_SQL);
      const data = await query(db.url, `SELECT body, shout('x') AS shouted FROM notes`);

      expect(result.applied).toEqual(['20260101000000_init', '20260102000000_function']);
      const sha = async (name: string): Promise<string> =>
        createHash('sha256').update(await readFile(path.join(dir, name, 'migration.sql'))).digest('hex');
      expect(rows.map((r) => [r.migration_name, r.checksum, r.finished_at !== null, r.rolled_back_at, r.logs, r.applied_steps_count])).toEqual([
        ['20260101000000_init', await sha('20260101000000_init'), true, null, null, 1],
        ['20260102000000_function', await sha('20260102000000_function'), true, null, null, 1],
      ]);
      expect(data).toEqual([{ body: 'a;b', shouted: 'X;!' }]);
      expect(text()).toContain('[Db:applyMigrations] applied 2 migration(s)');
    } finally {
      await db.close();
    }
  });

  it('When called again, then it applies nothing', async () => {
    const db = await open();
    const dir = await writeMigrations({ '20260101000000_init': INIT });
    try {
      const { log } = captureLog('silent');
      await applyMigrations({ url: db.url, migrationsDir: dir, log });
      const again = await applyMigrations({ url: db.url, migrationsDir: dir, log });
      await writeMigrations({ '20260102000000_function': FUNCTION }, dir);
      const next = await applyMigrations({ url: db.url, migrationsDir: dir, log });

      expect(again.applied).toEqual([]);
      expect(next.applied).toEqual(['20260102000000_function']);
    } finally {
      await db.close();
    }
  });

  it('When a migration fails, then it throws, rolls the script back and does not record it as applied', async () => {
    const db = await open();
    const dir = await writeMigrations({ '20260101000000_init': INIT, '20260102000000_broken': BROKEN });
    try {
      const { log, text } = captureLog();
      const failure = await applyMigrations({ url: db.url, migrationsDir: dir, log }).catch((err: unknown) => err);
      const rows = await query<MigrationRow>(db.url, ROWS_SQL);
      const halfDone = await query(db.url, `SELECT to_regclass('half_done') AS t`);
      const retry = await applyMigrations({ url: db.url, migrationsDir: dir, log }).catch((err: unknown) => err);

      expect(failure).toBeInstanceOf(MigrationError);
      expect((failure as Error).message).toContain('no_such_table');
      expect(rows.map((r) => [r.migration_name, r.finished_at !== null, r.applied_steps_count])).toEqual([
        ['20260101000000_init', true, 1],
        ['20260102000000_broken', false, 0],
      ]);
      expect(rows[1]?.logs).toBeTruthy();
      expect(halfDone).toEqual([{ t: null }]);
      expect(retry).toBeInstanceOf(MigrationError);
      expect((retry as MigrationError).code).toBe('P3009');
      expect(text()).toContain('[Db:applyMigrations] migration failed');
    } finally {
      await db.close();
    }
  });

  it('When the migrations folder does not exist, then there is nothing to apply', async () => {
    const db = await open();
    try {
      const { log } = captureLog('silent');
      const result = await applyMigrations({ url: db.url, migrationsDir: '/nonexistent/migrations', log });
      expect(result.applied).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL !== undefined)('applyMigrations on a PostgreSQL server', () => {
  const serverUrl = process.env.DATABASE_URL as string;

  it('When several callers migrate one database at once, then the advisory lock applies each migration once', async () => {
    const db = scratchOnServer(serverUrl);
    const dir = await writeMigrations({ '20260101000000_init': INIT, '20260102000000_function': FUNCTION });
    try {
      const { log } = captureLog('silent');
      await applyMigrations({ url: db.url, migrationsDir: await writeMigrations({}), log }); // creates the db
      const results = await Promise.all(
        Array.from({ length: 4 }, () => applyMigrations({ url: db.url, migrationsDir: dir, log })),
      );
      const rows = await query<MigrationRow>(db.url, ROWS_SQL);

      expect(results.flatMap((r) => r.applied).sort()).toEqual(['20260101000000_init', '20260102000000_function']);
      expect(rows).toHaveLength(2);
    } finally {
      await db.close();
    }
  });

  it("When another session holds Prisma's advisory lock, then applyMigrations waits for it", async () => {
    const db = scratchOnServer(serverUrl);
    const { log } = captureLog('silent');
    await applyMigrations({ url: db.url, migrationsDir: await writeMigrations({}), log }); // creates the db
    const holder = new pg.Client(db.url);
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(72707369)');
      let done = false;
      const run = applyMigrations({ url: db.url, migrationsDir: await writeMigrations({ '20260101000000_init': INIT }), log }).then(
        (result) => ((done = true), result),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(done).toBe(false);
      await holder.query('SELECT pg_advisory_unlock(72707369)');
      expect((await run).applied).toEqual(['20260101000000_init']);
    } finally {
      await holder.end();
      await db.close();
    }
  });

  it('When the URL holds a password, then no log line contains it', async () => {
    const target = scratchOnServer(serverUrl);
    const url = new URL(target.url);
    url.password ||= 'S3cretPassw0rd'; // a trust-auth server ignores it; a real one keeps its own
    const secret = decodeURIComponent(url.password);
    const { log, text } = captureLog('trace');
    try {
      await applyMigrations({ url: url.toString(), migrationsDir: await writeMigrations({ '20260101000000_init': INIT }), log });
      expect(text()).toContain('[Db:applyMigrations]');
      expect(text()).not.toContain(secret);
    } finally {
      await target.close();
    }
  });
});

describe('applyMigrations without a reachable server', () => {
  it('When nothing listens on the port, then it throws DatabaseUnavailableError without the password', async () => {
    const { log } = captureLog('silent');
    const failure = await applyMigrations({
      url: 'postgresql://someone:hunter2@127.0.0.1:1/app',
      migrationsDir: await writeMigrations({}),
      log,
    }).catch((err: unknown) => err);

    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as Error).message).toContain('127.0.0.1:1/app');
    expect((failure as Error).message).not.toContain('hunter2');
  });
});

describe('readMigrationsList', () => {
  it('When folders are out of order, then it sorts them by name like the CLI', async () => {
    const dir = await writeMigrations({ '20260102000000_b': 'SELECT 2;', '20260101000000_a': 'SELECT 1;' });
    const list = await readMigrationsList(dir);

    expect(list.migrationDirectories.map((d) => d.path)).toEqual(['20260101000000_a', '20260102000000_b']);
    expect(list.lockfile.content).toContain('provider = "postgresql"');
  });
});
