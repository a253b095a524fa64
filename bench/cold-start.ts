/**
 * Benchmark 5 — cold start: `npm run dev` (the service's dev script: `prisma generate`, then
 * `tsx src/main.ts`) to the first 200 of `GET /readyz`, on embedded PGlite with a fresh data folder
 * and on PostgreSQL with a fresh, empty database (so both apply every migration), interleaved with
 * the floor: the bare Express server started by tsx to its first 200. A fresh PGlite folder starts
 * from the cached snapshot of the service's migrations (openDatabase; the tests and the first start
 * cache it); the `pgliteUncached` arm deletes that cache entry first, as on a machine's very first
 * start or after a new migration. Runs in a copy of the service
 * so the shared `example-service/generated` client is not rewritten under colleagues' tests.
 * Run alone: `npx tsx bench/cold-start.ts` (BENCH_QUICK=1: one round).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { migrationsKey, snapshotCache } from '../example-service/src/backend/db/common/snapshot-cache.js';
import { join } from 'node:path';
import { copyService, removeCopy } from '../test/support/workspace.js';
import { freePort, QUICK, ROOT, RUNS, timeToFirst200 } from './lib/proc.js';
import { createScratchDb, pgAvailable } from './lib/pg.js';
import { fmt, meta, printRows, writeResult, type Row } from './lib/results.js';
import { interleave, ratio, summarise } from './lib/stats.js';

/**
 * Runs benchmark 5 and writes `bench/results/cold-start.json`.
 *
 * @returns the summary rows.
 */
export async function benchColdStart(): Promise<Row[]> {
  const t0 = performance.now();
  const service = copyService();
  const tmp = mkdtempSync(join(ROOT, '.tmp', 'bench-cold-'));
  const withPg = await pgAvailable();
  try {
    const dev = async (env: Record<string, string | undefined>): Promise<number> => {
      const port = await freePort();
      return timeToFirst200('npm', ['run', 'dev'], `http://127.0.0.1:${port}/readyz`, {
        cwd: service,
        env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      });
    };
    let n = 0;
    const { dir, version } = snapshotCache();
    const cached = join(dir, `migrated-${await migrationsKey(join(service, 'prisma', 'migrations'))}-${version}.tgz`);
    const arms: Record<string, () => Promise<number>> = {
      pglite: () => dev({ DATA_DIR: join(tmp, `pglite-${n++}`), DATABASE_URL: undefined }),
      pgliteUncached: () => {
        rmSync(cached, { force: true });
        return dev({ DATA_DIR: join(tmp, `pglite-${n++}`), DATABASE_URL: undefined });
      },
      floor: async () => {
        const port = await freePort();
        return timeToFirst200(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'bench/servers/floor-server.ts')], `http://127.0.0.1:${port}/healthz`, {
          env: { PORT: String(port), BENCH_ADAPTER: 'memory' },
        });
      },
    };
    if (withPg) {
      arms.postgres = async () => {
        const db = await createScratchDb('cold');
        try {
          return await dev({ DATABASE_URL: db.url });
        } finally {
          await db.drop();
        }
      };
    }
    console.log(`cold start: ${RUNS} interleaved rounds of ${Object.keys(arms).join(', ')}`);
    const samples = await interleave(RUNS, arms);
    const floor = summarise(samples.floor as number[]);
    const rows: Row[] = [];
    const labels = [
      ['pglite', 'embedded PGlite, fresh data folder (migrations\' snapshot cached)', 3000],
      ['pgliteUncached', 'embedded PGlite, fresh data folder, nothing cached for these migrations', undefined],
      ['postgres', 'PostgreSQL 15, fresh database', undefined],
    ] as const;
    for (const [arm, label, targetMs] of labels) {
      if (!samples[arm]) continue;
      const s = summarise(samples[arm]);
      rows.push({
        benchmark: '5 cold start',
        metric: `\`npm run dev\` → first 200 /readyz, ${label}`,
        measured: fmt(s, 'ms'),
        baseline: `${fmt(floor, 'ms')} bare Express via tsx`,
        ratio: String(ratio(s.median, floor.median)),
        target: targetMs === undefined ? '— (reported)' : `≤ ${targetMs} ms`,
        met: targetMs === undefined ? '—' : s.median <= targetMs ? 'yes' : 'no',
      });
    }
    writeResult('cold-start', { meta: meta(t0), rows, samplesMs: samples });
    printRows(rows);
    return rows;
  } finally {
    removeCopy(service);
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchColdStart();
  if (QUICK) console.log('(quick mode: 1 round, not a measurement)');
}
