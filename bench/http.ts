/**
 * Benchmark 3 — HTTP throughput and latency of a generated module (`invoices`) against a bare
 * Express 5 floor doing the same work with no validation, layering or logging: in memory (floor: a
 * Map) and on PostgreSQL (floor: raw `pg` queries), interleaved runs, autocannon on loopback with
 * fixed connections and duration. The service logs at its default level outside development (info,
 * JSON to stdout → /dev/null). Run alone: `npx tsx bench/http.ts` (BENCH_QUICK=1: short runs).
 */
import { QUICK, RUNS, stop } from './lib/proc.js';
import { createScratchDb, pgAvailable } from './lib/pg.js';
import { CONNECTIONS, DURATION_S, ROUTES } from './lib/load.js';
import { fmt, meta, printRows, writeResult, type Row } from './lib/results.js';
import { compareRoute, seed, startBenchServer, type ArmSummary, type BenchServer } from './lib/servers.js';
import { ratio } from './lib/stats.js';

type Backend = 'memory' | 'pg';
const TARGET: Record<Backend, number> = { memory: 0.7, pg: 0.8 };

async function measureBackend(backend: Backend, env: Record<string, string>): Promise<{ rows: Row[]; data: unknown }> {
  const servers: BenchServer[] = [];
  try {
    const scaffold = await startBenchServer('scaffold', { ...env, BENCH_ADAPTER: backend, BENCH_LOG: 'info' });
    servers.push(scaffold);
    const floor = await startBenchServer('floor', { ...env, BENCH_ADAPTER: backend });
    servers.push(floor);
    await seed(scaffold.port);
    if (backend === 'memory') await seed(floor.port); // on pg both read the same table
    const rows: Row[] = [];
    const data: Record<string, Record<string, ArmSummary>> = {};
    for (const route of ROUTES) {
      console.log(`http: ${backend} ${route.label}`);
      const { arms } = await compareRoute(RUNS, { scaffold: scaffold.port, floor: floor.port }, route);
      data[route.label] = arms;
      const s = arms.scaffold as ArmSummary;
      const f = arms.floor as ArmSummary;
      const r = ratio(s.reqPerSec.median, f.reqPerSec.median);
      rows.push({
        benchmark: `3 http ${backend === 'pg' ? 'PostgreSQL' : 'in memory'}`,
        metric: `${route.label} req/s (p99 ${s.p99Ms.median} ms vs floor ${f.p99Ms.median} ms)`,
        measured: fmt(s.reqPerSec, 'req/s'),
        baseline: `${fmt(f.reqPerSec, 'req/s')} ${backend === 'pg' ? 'Express + raw pg' : 'bare Express'}`,
        ratio: String(r),
        target: `≥ ${TARGET[backend]}×`,
        met: r >= TARGET[backend] ? 'yes' : 'no',
      });
    }
    return { rows, data };
  } finally {
    for (const s of servers.reverse()) await stop(s.proc);
  }
}

/**
 * Runs benchmark 3 and writes `bench/results/http.json`.
 *
 * @returns the summary rows.
 */
export async function benchHttp(): Promise<Row[]> {
  const t0 = performance.now();
  const memory = await measureBackend('memory', {});
  let pg: { rows: Row[]; data: unknown } = { rows: [], data: 'PostgreSQL not reachable: skipped' };
  if (await pgAvailable()) {
    const db = await createScratchDb('http');
    try {
      pg = await measureBackend('pg', { DATABASE_URL: db.url });
    } finally {
      await db.drop();
    }
  } else {
    console.log('http: PostgreSQL not reachable at 127.0.0.1:5432, skipping the pg half');
  }
  const rows = [...memory.rows, ...pg.rows];
  writeResult('http', {
    meta: meta(t0),
    rows,
    load: { connections: CONNECTIONS, durationSeconds: DURATION_S, pipelining: 1, host: '127.0.0.1' },
    memory: memory.data,
    pg: pg.data,
  });
  printRows(rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchHttp();
  if (QUICK) console.log('(quick mode: 1 short round, not a measurement)');
}
