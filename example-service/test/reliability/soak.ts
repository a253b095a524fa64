// P24 — bounded soak: `npm run soak -w example-service` (SOAK_SECONDS, default 60, at most 300).
// Spawns the real service (embedded PostgreSQL unless DATABASE_URL is set), drives valid traffic
// at it with autocannon on loopback, samples the service's RSS every second, and exits 1 when any
// response is not 2xx, any request errors or times out, or RSS keeps growing after warm-up.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { spawnService } from './support.js';

const log = pino({ level: 'info' }).child({ module: 'Soak', fn: 'main' }, { msgPrefix: '[Soak:main] ' });
const seconds = Math.min(Math.max(Number(process.env.SOAK_SECONDS ?? 60), 5), 300);
const connections = Math.min(Number(process.env.SOAK_CONNECTIONS ?? 10), 50);
/** RSS may not grow more than this factor between the warm-up window and the end… */
const MAX_GROWTH = 1.5;
/** …unless the growth stays under this many MiB (allocator noise, JIT). */
const GROWTH_SLACK_MIB = 64;

function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux: fall back to ps
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** A free loopback port (the service logs at warn, so it does not announce its port). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const port = await freePort();
const svc = spawnService({ LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', PORT: String(port) });
let exitCode = 1;
try {
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    const up = await fetch(`${base}/healthz`).then((res) => res.ok, () => false);
    if (up) break;
    if (Date.now() - started > 120_000 || svc.child.exitCode !== null) throw new Error('the service did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const created = await fetch(`${base}/customers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Soak', email: 'soak@example.com' }) });
  const { id } = (await created.json()) as { id: number };
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMiB(svc.child.pid as number)), 1_000);
  log.info({ seconds, connections, port }, 'soak started');
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      { method: 'GET', path: '/customers?limit=20' },
      { method: 'GET', path: `/customers/${id}` },
      { method: 'PATCH', path: `/customers/${id}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ notes: 'soak' }) },
      { method: 'GET', path: '/healthz' },
    ],
  });
  clearInterval(sampler);
  const warm = median(samples.slice(Math.floor(samples.length * 0.2), Math.floor(samples.length * 0.4)));
  const end = median(samples.slice(Math.floor(samples.length * 0.8)));
  const summary = {
    requests: result.requests.total,
    rps: result.requests.average,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rssWarmMiB: Math.round(warm),
    rssEndMiB: Math.round(end),
  };
  const leaking = end > warm * MAX_GROWTH && end - warm > GROWTH_SLACK_MIB;
  const ok = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0 && result.requests.total > 0 && !leaking;
  if (ok) log.info(summary, 'soak passed');
  else log.error({ ...summary, leaking }, 'soak failed');
  exitCode = ok ? 0 : 1;
  svc.child.kill('SIGTERM');
  await svc.exited;
} catch (err) {
  log.error({ err, stderr: svc.stderr().slice(-2_000) }, 'soak could not run');
} finally {
  svc.cleanup();
}
process.exit(exitCode);
