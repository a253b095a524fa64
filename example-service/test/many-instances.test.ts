import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsHere } from './requirement.js';
import { startRoundRobinProxy } from './round-robin-proxy.js';
import { spawnService, waitFor, type SpawnedService } from './reliability/support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The PostgreSQL server: DATABASE_URL's when set, else the local one (user postgres). */
const SERVER_URL = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const ADMIN_URL = Object.assign(new URL(SERVER_URL), { pathname: '/postgres' }).toString();
const RUN = `many_instances_${process.pid}_${Date.now()}`;
const DATABASE_URL = Object.assign(new URL(SERVER_URL), { pathname: `/${RUN}` }).toString();

/** Resolves true when `probe` succeeds within 2 s. */
async function reachable(probe: () => Promise<unknown>): Promise<boolean> {
  return Promise.race([probe().then(() => true, () => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000))]);
}
const redisUp = await reachable(async () => {
  const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  await client.ping();
  await client.close();
});
const pgUp = await reachable(async () => {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1_000 });
  await client.connect();
  await client.end();
});

/** Runs one statement on the server's `postgres` database. */
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts `count` instances one after the other (the first applies the migrations) on the shared database. */
async function startInstances(count: number, env: Record<string, string>): Promise<{ services: SpawnedService[]; ports: number[] }> {
  const services: SpawnedService[] = [];
  const ports: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const service = spawnService({ DATABASE_URL, REDIS_URL, MIGRATE_ON_START: 'true', ...env });
    services.push(service);
    ports.push(await service.port);
  }
  return { services, ports };
}

describe('Many instances on one PostgreSQL and one Redis', () => {
  if (!runsHere({ available: redisUp, reason: `Redis is not reachable at ${REDIS_URL} (set REDIS_URL)` })) return;
  if (!runsHere({ available: pgUp, reason: `PostgreSQL is not reachable at ${SERVER_URL.host} (set DATABASE_URL)` })) return;
  const keyPrefix = `test-${RUN}:`;
  const started: SpawnedService[] = [];

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${RUN}"`);
  });
  afterAll(async () => {
    for (const service of started) service.cleanup();
    await Promise.all(started.map((service) => service.exited));
    await admin(`DROP DATABASE IF EXISTS "${RUN}" WITH (FORCE)`);
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const keys = await client.keys(`${keyPrefix}*`);
    if (keys.length > 0) await client.del(keys);
    await client.close();
  });

  it('When REDIS_URL is set, then the rate limit holds across two instances (one shared counter per client IP)', async () => {
    const { services, ports } = await startInstances(2, { RATE_LIMIT_MAX: '10', RATE_LIMIT_WINDOW_MS: '60000', REDIS_KEY_PREFIX: keyPrefix });
    started.push(...services);
    const statuses = async (port: number, n: number) => {
      const out: Array<{ status: number; policy: string | null }> = [];
      for (let i = 0; i < n; i += 1) {
        const res = await fetch(`http://127.0.0.1:${port}/openapi.json`);
        await res.arrayBuffer();
        out.push({ status: res.status, policy: res.headers.get('ratelimit') });
      }
      return out;
    };
    const [portA, portB] = ports as [number, number];
    const first = await statuses(portA, 7);
    const second = await statuses(portB, 7);
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(second.map((r) => r.status)).toEqual([200, 200, 200, 429, 429, 429, 429]);
    // Draft-8 header: the second instance knows of the first one's seven requests.
    expect(second[0]?.policy).toMatch(/^"10-in-1min"; r=2; t=\d+$/);
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const keys = await client.keys(`${keyPrefix}rl:global:*`);
    await client.close();
    expect(keys.length).toBe(1);
    for (const service of services) service.child.kill('SIGTERM');
    expect(await Promise.all(services.map((service) => service.exited))).toEqual([0, 0]);
  });

  it('When REDIS_URL is set, then the auth limit (register, login, refresh) holds across two instances too, counted under rl:auth:', async () => {
    const { services, ports } = await startInstances(2, { RATE_LIMIT_MAX: '0', AUTH_RATE_LIMIT_MAX: '3', REDIS_KEY_PREFIX: keyPrefix });
    started.push(...services);
    const login = async (port: number): Promise<number> => {
      const res = await fetch(`http://127.0.0.1:${port}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.com', password: 'a wrong password' }) });
      await res.arrayBuffer();
      return res.status;
    };
    const [portA, portB] = ports as [number, number];
    expect([await login(portA), await login(portA), await login(portB), await login(portB)]).toEqual([401, 401, 401, 429]);
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const keys = await client.keys(`${keyPrefix}rl:auth:*`);
    await client.close();
    expect(keys.length).toBe(1);
    for (const service of services) service.child.kill('SIGTERM');
    expect(await Promise.all(services.map((service) => service.exited))).toEqual([0, 0]);
  });

  it('When one instance gets SIGTERM under load through a round-robin proxy, then no request that reached it is lost', async () => {
    // The delay must outlast the balancer noticing the 503 (poll period + probe latency); 5 s leaves
    // room on a machine shared by many test runs. With 0 this test loses requests (tried by hand).
    const { services: [a, b], ports } = await startInstances(2, { RATE_LIMIT_MAX: '0', SHUTDOWN_DELAY_MS: '5000', REDIS_KEY_PREFIX: keyPrefix });
    started.push(a!, b!);
    const proxy = await startRoundRobinProxy(ports);
    let running = true;
    let n = 0;
    const worker = async (): Promise<void> => {
      while (running) {
        n += 1;
        const init = n % 2 === 0
          ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `drain ${n}`, email: `drain-${n}@example.com` }) }
          : { method: 'GET' };
        const res = await fetch(`http://127.0.0.1:${proxy.port}/customers${init.method === 'GET' ? '?limit=5' : ''}`, init);
        await res.arrayBuffer();
      }
    };
    const workers = Array.from({ length: 6 }, () => worker());
    await waitFor(() => proxy.answered[0]! > 20 && proxy.answered[1]! > 20, 30_000, 'load on both instances');
    const sigtermAt = Date.now();
    a!.child.kill('SIGTERM');
    const code = await a!.exited;
    await waitFor(() => proxy.results.filter((r) => r.sentAt > Date.now() - 1_000).length > 20, 30_000, 'load on the remaining instance');
    running = false;
    await Promise.all(workers);
    await proxy.close();

    expect(code).toBe(0);
    expect(proxy.notReady[0]).toBeGreaterThan(0);
    expect(proxy.results.filter((r) => r.backend === 0 && r.sentAt >= sigtermAt).length).toBeGreaterThan(0);
    expect(proxy.forwarded[0]).toBe(proxy.answered[0]);
    // The promise is about requests that reached an instance. A request the balancer itself could
    // not place (its probes of both instances timed out on a saturated machine: "no ready backend")
    // never reached one, so it is not counted as lost; every other failure is.
    const failed = proxy.results
      .filter((r) => r.status >= 300 && r.error !== 'no ready backend')
      .map((r) => ({ ...r, msAfterSigterm: r.sentAt - sigtermAt }));
    expect(failed.map((r) => `${r.status} ${r.error ?? ''} ${r.msAfterSigterm}ms`)).toEqual([]);
    expect(proxy.results.length).toBeGreaterThan(100);
    b!.child.kill('SIGTERM');
    expect(await b!.exited).toBe(0);
  }, 180_000);
});
