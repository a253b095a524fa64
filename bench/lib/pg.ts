import pg from 'pg';

/** The local PostgreSQL server (trust auth); `BENCH_PG_URL` overrides it. */
export const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A scratch database created for one benchmark. */
export interface ScratchDb {
  url: string;
  /** Drops the database (terminating its connections). Idempotent. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty scratch database `bench_<label>_<pid>` on the local server.
 *
 * @param label - short lowercase label.
 * @returns its URL and a drop function.
 * @throws when the server cannot be reached.
 */
export async function createScratchDb(label: string): Promise<ScratchDb> {
  const name = `bench_${label}_${process.pid}`;
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    drop: () => (dropped ??= admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    })),
  };
}

/**
 * True when the local PostgreSQL server answers.
 *
 * @returns whether `SELECT 1` succeeded.
 */
export async function pgAvailable(): Promise<boolean> {
  try {
    await admin((c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}
