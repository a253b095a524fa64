import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrivateBundle, RUNTIMES, spawnService, type SpawnedService } from './support.js';

let bundle: ReturnType<typeof buildPrivateBundle>;
beforeAll(() => {
  bundle = buildPrivateBundle();
});
afterAll(() => bundle.remove());

describe.each(RUNTIMES)('P25: a clean start (%s) — no process warning during boot and requests', (runtime) => {
  let svc: SpawnedService;
  let base: string;
  beforeAll(async () => {
    // HOST unset: the default (loopback outside production) is what binds.
    svc = spawnService({ HOST: undefined, DB_STATEMENT_TIMEOUT_MS: '15000' }, { runtime, entry: runtime === 'built' ? bundle.entry : undefined });
    base = `http://127.0.0.1:${await svc.port}`;
  });
  afterAll(() => svc.cleanup());

  it('When the service boots, answers readiness and reads and writes rows, then it printed no warning and its log names the address really bound', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const created = await fetch(`${base}/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Warn', email: 'warn@example.com' }),
    });
    expect(created.status).toBe(201);
    expect((await fetch(`${base}/customers?limit=5`)).status).toBe(200);
    // A second pool connection, opened while the first is busy, runs its own connect hook.
    const parallel = await Promise.all([1, 2, 3].map(() => fetch(`${base}/customers?limit=1`)));
    expect(parallel.map((r) => r.status)).toEqual([200, 200, 200]);
    svc.child.kill('SIGTERM');
    expect(await svc.exited).toBe(0);
    expect(svc.stderr()).not.toMatch(/Warning/);
    const listening = svc.lines.find((line) => line.msg.includes('listening on http'));
    expect(listening?.msg).toContain(`listening on http://127.0.0.1:${listening?.port}`);
    expect(listening).toMatchObject({ host: '127.0.0.1' });
  });
});
