import { join } from 'node:path';
import { freePort, ROOT, start, stop, waitFor200, type Started } from './proc.js';
import { DURATION_S, load, type LoadResult, type Target } from './load.js';
import { interleave, summarise, type Summary } from './stats.js';

/** A benchmark server running in its own process. */
export interface BenchServer {
  port: number;
  proc: Started;
}

/**
 * Starts `bench/servers/<kind>-server.ts` (one Node process, tsx loaded with `--import`) on a free
 * loopback port and waits for `/healthz`.
 *
 * @param kind - `scaffold` (the generated service) or `floor` (bare Express).
 * @param env - BENCH_ADAPTER, BENCH_LOG, DATABASE_URL, …
 * @returns the port and process.
 * @throws when it does not answer within 60 s.
 */
export async function startBenchServer(kind: 'scaffold' | 'floor', env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort();
  const proc = start(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'servers', `${kind}-server.ts`)], {
    env: { ...env, PORT: String(port), NODE_ENV: 'production' },
  });
  try {
    await waitFor200(`http://127.0.0.1:${port}/healthz`, 60_000, proc.child);
  } catch (err) {
    await stop(proc);
    throw new Error(`${kind} server: ${(err as Error).message}\n${proc.output()}`);
  }
  return { port, proc };
}

/**
 * Creates `n` invoices through the server's `POST /invoices`, so ids 1..n exist.
 *
 * @param port - the server's port.
 * @param n - how many.
 * @throws when a request is not 201.
 */
export async function seed(port: number, n = 30): Promise<void> {
  for (let i = 1; i <= n; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number: `SEED-${i}`, amount: `${i}.50`, paid: i % 2 === 0, note: 'seed' }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`seed on :${port} answered ${res.status}`);
  }
}

/** Summaries of one arm over interleaved runs. */
export interface ArmSummary {
  reqPerSec: Summary;
  p99Ms: Summary;
  p50Ms: Summary;
}

/**
 * Measures one route on several servers, interleaved (A B … A B …), after a short warm-up of each.
 *
 * @param runs - rounds.
 * @param servers - arm name → port.
 * @param target - the route.
 * @returns per-arm summaries and the raw results.
 */
export async function compareRoute(
  runs: number,
  servers: Record<string, number>,
  target: Target,
): Promise<{ arms: Record<string, ArmSummary>; raw: Record<string, LoadResult[]> }> {
  for (const port of Object.values(servers)) await load(port, target, Math.min(1, DURATION_S));
  const raw: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(servers).map((k) => [k, []]));
  await interleave(
    runs,
    Object.fromEntries(
      Object.entries(servers).map(([name, port]) => [
        name,
        async () => {
          const r = await load(port, target);
          raw[name]?.push(r);
          return r.reqPerSec;
        },
      ]),
    ),
  );
  const arms = Object.fromEntries(
    Object.entries(raw).map(([name, rs]) => [
      name,
      {
        reqPerSec: summarise(rs.map((r) => r.reqPerSec)),
        p99Ms: summarise(rs.map((r) => r.p99Ms)),
        p50Ms: summarise(rs.map((r) => r.p50Ms)),
      },
    ]),
  );
  return { arms, raw };
}
