import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError } from './data-dir-lock.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { captureLog, cleanupTempDirs, freshEmbedded, tempDir } from './test-support.js';

afterAll(cleanupTempDirs);

describe('startEmbeddedPostgres', () => {
  it('When started in memory, then pg connects on 127.0.0.1 and stop() releases the port', async () => {
    const { log, text } = captureLog();
    const server = await startEmbeddedPostgres({ log });
    expect(server.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);

    const client = new pg.Client(server.url);
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    await client.end();
    await server.stop();
    await server.stop(); // idempotent

    expect(rows[0]?.version).toMatch(/^PostgreSQL/);
    expect(text()).toContain('[Db:startEmbeddedPostgres] embedded PostgreSQL (PGlite) listening');
    const late = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2_000 });
    await expect(late.connect()).rejects.toThrow();
  });

  it('When restarted on the same dataDir, then the data is still there', async () => {
    const dataDir = path.join(await tempDir('pglite'), 'nested', 'data');
    const { log } = captureLog('silent');

    const first = await startEmbeddedPostgres({ dataDir, log });
    const writer = new pg.Client(first.url);
    await writer.connect();
    await writer.query(`CREATE TABLE notes (id int PRIMARY KEY, body text); INSERT INTO notes VALUES (1, 'kept')`);
    await writer.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, log });
    const reader = new pg.Client(second.url);
    await reader.connect();
    const { rows } = await reader.query('SELECT body FROM notes WHERE id = 1');
    await reader.end();
    await second.stop();

    expect(rows).toEqual([{ body: 'kept' }]);
  });

  it('When two clients connect at once, then the second waits its turn and nothing interleaves', async () => {
    const db = await freshEmbedded();
    const first = new pg.Client(db.url);
    const second = new pg.Client({ connectionString: db.url, connectionTimeoutMillis: 20_000 });
    await first.connect();
    let secondConnected = false;
    const secondReady = second.connect().then(() => (secondConnected = true));

    // A 2 MB parameter arrives in many TCP chunks: without the gate, pglite-socket let another
    // client's Parse slip between this Parse and Bind ("bind message supplies 1 parameters…").
    const big = 'y'.repeat(2_000_000);
    await first.query('BEGIN');
    await first.query('CREATE TABLE t (v text)');
    for (let i = 0; i < 5; i++) await first.query('INSERT INTO t VALUES ($1)', [big]);
    const sizes = await first.query<{ n: number }>('SELECT length(v) AS n FROM t');
    expect(secondConnected).toBe(false);
    await first.query('SET statement_timeout = 12345');
    await first.query('COMMIT');
    await first.end();

    await secondReady;
    const timeout = await second.query<{ statement_timeout: string }>('SHOW statement_timeout');
    const doubled = await second.query<{ d: number }>('SELECT $1::int * 2 AS d', [21]);
    await second.end();
    await db.close();

    expect(sizes.rows.every((row) => row.n === big.length)).toBe(true);
    expect(doubled.rows).toEqual([{ d: 42 }]);
    expect(timeout.rows[0]?.statement_timeout).toBe('0'); // session reset between clients
  });

  it('When a client disconnects inside a transaction, then its work is rolled back', async () => {
    const db = await freshEmbedded();
    const quitter = new pg.Client(db.url);
    await quitter.connect();
    await quitter.query('CREATE TABLE t (v int)');
    await quitter.query('BEGIN');
    await quitter.query('INSERT INTO t VALUES (1)');
    await quitter.end();

    const reader = new pg.Client(db.url);
    await reader.connect();
    const { rows } = await reader.query('SELECT count(*)::int AS n FROM t');
    await reader.end();
    await db.close();

    expect(rows).toEqual([{ n: 0 }]);
  });

  it('When clients reconnect quickly one after another, then none is refused', async () => {
    const db = await freshEmbedded();
    const results: number[] = [];
    for (let i = 0; i < 40; i++) {
      const pool = new pg.Pool({ connectionString: db.url, max: 1 });
      const { rows } = await pool.query<{ i: number }>('SELECT $1::int AS i', [i]);
      results.push(rows[0]?.i ?? -1);
      await pool.end();
    }
    await db.close();

    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});

describe('startEmbeddedPostgres on a data directory in use', () => {
  it('When the dataDir is already open, then a second start fails; after stop it opens again', async () => {
    const dataDir = path.join(await tempDir('locked'), 'data');
    const { log } = captureLog('silent');
    const first = await startEmbeddedPostgres({ dataDir, log });

    const second = await startEmbeddedPostgres({ dataDir, log }).catch((err: unknown) => err);
    await first.stop();
    const third = await startEmbeddedPostgres({ dataDir, log });
    await third.stop();

    expect(second).toBeInstanceOf(DataDirInUseError);
  });

  it('When the lock was left by a dead process, then it is taken over', async () => {
    const dataDir = path.join(await tempDir('stale'), 'data');
    await writeFile(`${dataDir}.lock`, '2147483646\n');
    const server = await startEmbeddedPostgres({ dataDir, log: captureLog('silent').log });
    await server.stop();

    await expect(access(`${dataDir}.lock`)).rejects.toThrow(); // released on stop
  });
});
