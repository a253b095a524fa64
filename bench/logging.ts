/**
 * Benchmark 4 — logging cost: the same HTTP run (`GET /invoices/:id`, the cheapest handler, so the
 * per-request logging cost weighs most) on the in-memory adapter at the default level (info, JSON to
 * stdout → /dev/null), at debug to a file, and with logging off (`silent`), interleaved.
 * Run alone: `npx tsx bench/logging.ts` (BENCH_QUICK=1: short runs).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QUICK, ROOT, RUNS, stop } from './lib/proc.js';
import { CONNECTIONS, DURATION_S, ROUTES } from './lib/load.js';
import { fmt, meta, printRows, writeResult, type Row } from './lib/results.js';
import { compareRoute, seed, startBenchServer, type ArmSummary, type BenchServer } from './lib/servers.js';
import { ratio } from './lib/stats.js';

/**
 * Runs benchmark 4 and writes `bench/results/logging.json`.
 *
 * @returns the summary rows.
 */
export async function benchLogging(): Promise<Row[]> {
  const t0 = performance.now();
  const tmp = mkdtempSync(join(ROOT, '.tmp', 'bench-log-'));
  const logFile = join(tmp, 'debug.log');
  const servers: BenchServer[] = [];
  try {
    const ports: Record<string, number> = {};
    for (const [arm, env] of [
      ['info', { BENCH_LOG: 'info' }],
      ['debugFile', { BENCH_LOG: 'debug-file', BENCH_LOG_FILE: logFile }],
      ['silent', { BENCH_LOG: 'silent' }],
    ] as const) {
      const server = await startBenchServer('scaffold', { BENCH_ADAPTER: 'memory', ...env });
      servers.push(server);
      await seed(server.port);
      ports[arm] = server.port;
    }
    const route = ROUTES[0]!;
    console.log(`logging: ${route.label}, info vs debug-to-file vs silent`);
    const { arms } = await compareRoute(RUNS, ports, route);
    const off = arms.silent as ArmSummary;
    const rowFor = (arm: 'info' | 'debugFile', label: string, target: string, limit?: number): Row => {
      const a = arms[arm] as ArmSummary;
      const r = ratio(a.reqPerSec.median, off.reqPerSec.median);
      return {
        benchmark: '4 logging',
        metric: `${label}, ${route.label} (p99 ${a.p99Ms.median} ms vs ${off.p99Ms.median} ms)`,
        measured: fmt(a.reqPerSec, 'req/s'),
        baseline: `${fmt(off.reqPerSec, 'req/s')} logging off`,
        ratio: `${r} (cost ${Math.round((1 - r) * 100)} %)`,
        target,
        met: limit === undefined ? '—' : r >= limit ? 'yes' : 'no',
      };
    };
    const rows = [
      rowFor('info', 'default level (info, JSON to stdout)', 'cost ≤ 10 % (≥ 0.9×)', 0.9),
      rowFor('debugFile', 'debug to a file', '—'),
    ];
    writeResult('logging', {
      meta: meta(t0),
      rows,
      load: { connections: CONNECTIONS, durationSeconds: DURATION_S, route: route.label },
      arms,
      debugLogBytes: statSync(logFile, { throwIfNoEntry: false })?.size ?? 0,
    });
    printRows(rows);
    return rows;
  } finally {
    for (const s of servers) await stop(s.proc);
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchLogging();
  if (QUICK) console.log('(quick mode: 1 short round, not a measurement)');
}
