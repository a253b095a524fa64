/**
 * Profiles one benchmark server under load with plain Node tooling: starts
 * `bench/servers/<kind>-server.ts` with `node --cpu-prof`, seeds it, runs autocannon on one route,
 * stops it (SIGTERM, so the profile is written) and prints where the samples went — self time by
 * package / source folder and the hottest functions. The `.cpuprofile` file stays in
 * `.tmp/profiles/` for Chrome DevTools.
 *
 * Usage: `npx tsx bench/profile.ts [scaffold|floor] [get|list|post] [seconds]`
 * Env: BENCH_ADAPTER=memory|pg (pg: DATABASE_URL, or a scratch database on the local server),
 * BENCH_LOG=info|debug-file|silent.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ROOT, start, stop, waitFor200 } from './lib/proc.js';
import { load, ROUTES } from './lib/load.js';
import { createScratchDb, type ScratchDb } from './lib/pg.js';
import { seed } from './lib/servers.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Names the package or source folder a script URL belongs to.
 *
 * @param url - the call frame's URL.
 * @returns e.g. `pino`, `@pinojs/redact`, `example-service/src/backend/api`, `(node)`.
 */
export function ownerOf(url: string): string {
  if (url === '') return '(native/gc/idle)';
  if (url.startsWith('node:')) return '(node)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 14).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  const rel = url.replace(`file://${ROOT}`, '');
  return rel.split('/').slice(0, 4).join('/');
}

/**
 * Aggregates a `.cpuprofile` into self-sample shares by owner and by function.
 *
 * @param profile - the parsed profile.
 * @param lastSeconds - only the samples of the profile's last seconds (the load, not start-up).
 * @returns shares (0–1) of the kept samples, sorted descending; `busy` excludes idle and program samples.
 */
export function summariseProfile(
  profile: CpuProfile,
  lastSeconds = Infinity,
): { owners: [string, number][]; functions: [string, number][]; inclusive: [string, number][]; busy: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number): string => {
    const { functionName, url, lineNumber } = byId.get(id)?.callFrame ?? { functionName: '?', url: '', lineNumber: 0 };
    const owner = url === '' ? `(${functionName || 'anonymous'})` : ownerOf(url);
    return `${functionName || '(anonymous)'} ${owner}:${lineNumber + 1}`;
  };
  const times: number[] = [];
  let t = 0;
  for (const d of profile.timeDeltas) times.push((t += d));
  const from = t - lastSeconds * 1e6;
  const counts = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((s, i) => {
    if ((times[i] ?? 0) < from) return;
    total += 1;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  });
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const [id, count] of counts) {
    const { functionName, url } = byId.get(id)?.callFrame ?? { functionName: '?', url: '' };
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += count;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(at));
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + count);
    const owner = url === '' ? `(${functionName || 'anonymous'})` : ownerOf(url);
    owners.set(owner, (owners.get(owner) ?? 0) + count);
    const fnKey = keyOf(id);
    functions.set(fnKey, (functions.get(fnKey) ?? 0) + count);
  }
  const sorted = (m: Map<string, number>): [string, number][] =>
    [...m.entries()].map(([k, v]): [string, number] => [k, v / total]).sort((a, b) => b[1] - a[1]);
  return { owners: sorted(owners), functions: sorted(functions), inclusive: sorted(inclusive), busy: busy / total };
}

async function main(): Promise<void> {
  const kind = process.argv[2] === 'floor' ? 'floor' : 'scaffold';
  const route = ROUTES[{ get: 0, list: 1, post: 2 }[process.argv[3] ?? 'get'] ?? 0];
  const seconds = Number(process.argv[4] ?? 8);
  if (!route) throw new Error('unknown route');
  const dir = join(ROOT, '.tmp', 'profiles', `${kind}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  let db: ScratchDb | undefined;
  const env: Record<string, string> = { BENCH_LOG: process.env.BENCH_LOG ?? 'info', BENCH_ADAPTER: process.env.BENCH_ADAPTER ?? 'memory' };
  if (env.BENCH_ADAPTER === 'pg') {
    if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
    else env.DATABASE_URL = (db = await createScratchDb('profile')).url;
  }
  const port = await freePort();
  const proc = start(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', join(ROOT, 'bench', 'servers', `${kind}-server.ts`)], {
    env: { ...env, PORT: String(port), NODE_ENV: 'production' },
  });
  try {
    await waitFor200(`http://127.0.0.1:${port}/healthz`, 60_000, proc.child);
    await seed(port);
    await load(port, route, 1);
    const r = await load(port, route, seconds);
    console.log(`${kind} ${route.label}: ${Math.round(r.reqPerSec)} req/s, p99 ${r.p99Ms} ms`);
  } finally {
    await stop(proc);
    await db?.drop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile in ${dir}`);
  const { owners, functions, inclusive, busy } = summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, seconds + 0.3);
  const pct = (v: number): string => `${(v * 100).toFixed(1).padStart(5)} %`;
  console.log(`profile: ${join(dir, file)} (last ${seconds} s: busy ${pct(busy)} of samples)`);
  console.log('self time by owner:');
  for (const [k, v] of owners.slice(0, 25)) console.log(`  ${pct(v)}  ${k}`);
  console.log('hottest functions:');
  for (const [k, v] of functions.slice(0, 30)) console.log(`  ${pct(v)}  ${k}`);
  console.log('inclusive (self + callees), outside Node internals:');
  for (const [k, v] of inclusive.filter(([k]) => !k.includes('(node)') && !k.startsWith('(')).slice(0, Number(process.env.PROFILE_TOP ?? 40))) {
    console.log(`  ${pct(v)}  ${k}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
