import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrivateBundle, rawSocket, RUNTIMES, spawnService, waitFor, type Runtime, type SpawnedService } from './support.js';

const http = (path: string, extra = ''): string => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}\r\n`;

// Every lifecycle promise holds for the dev loop (`tsx src/main.ts`) and for what `npm start` runs (the
// esbuild bundle of `npm run build`, built privately for this file with the service's build script).
let bundle: ReturnType<typeof buildPrivateBundle>;
beforeAll(() => {
  bundle = buildPrivateBundle();
});
afterAll(() => bundle.remove());
const as = (runtime: Runtime, preload?: string) => ({ runtime, entry: runtime === 'built' ? bundle.entry : undefined, preload });

describe.each(RUNTIMES)('P15, P18: one real service process (%s), slow clients then SIGTERM', (runtime) => {
  let svc: SpawnedService;
  let port: number;
  beforeAll(async () => {
    svc = spawnService({ SHUTDOWN_DELAY_MS: '400', SHUTDOWN_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '1000' }, as(runtime));
    port = await svc.port;
  });
  afterAll(() => svc.cleanup());

  it('P15 When a client sends headers too slowly, then the server answers 408 and closes within the headers timeout', async () => {
    const listening = svc.lines.find((line) => line.msg.includes('listening on http'));
    expect(listening).toMatchObject({ http: { headersTimeoutMs: 1000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5000 } });
    const loris = await rawSocket(port);
    const started = Date.now();
    loris.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await loris.closed;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(loris.data()).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('P18 When SIGTERM arrives, then readiness 503, in-flight requests finish 201, idle sockets close, the pool closes and the exit code is 0', async () => {
    const idle = await rawSocket(port);
    idle.socket.write(http('/healthz', 'Connection: keep-alive\r\n'));
    await waitFor(() => idle.data().includes('"status":"ok"'), 15_000, 'keep-alive response');
    const body = JSON.stringify({ name: 'Slow', email: 'slow@example.com' });
    const slow = await rawSocket(port);
    slow.socket.write(`POST /customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sent = Date.now();
    svc.child.kill('SIGTERM');
    await waitFor(() => svc.lines.some((line) => line.msg.includes('draining')), 10_000, 'draining');
    const ready = await rawSocket(port);
    ready.socket.write(http('/readyz'));
    await waitFor(() => ready.data().includes('\r\n\r\n{'), 10_000, 'readyz answer');
    expect(ready.data()).toMatch(/^HTTP\/1\.1 503/);
    expect(ready.data()).toMatch(/connection: close/i);
    slow.socket.write(body.slice(10));
    await slow.closed;
    expect(slow.data()).toMatch(/^HTTP\/1\.1 201/);
    await idle.closed;
    const code = await svc.exited;
    expect(code).toBe(0);
    expect(Date.now() - sent).toBeLessThan(10_000);
    const messages = svc.lines.map((line) => line.msg);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/http closed/), expect.stringMatching(/database closed/), expect.stringMatching(/stopped/)]));
    await expect(rawSocket(port)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe.each(RUNTIMES)('P19, P20: failing processes (%s)', (runtime) => {
  it.each(['rejection', 'exception'])('P19 When an unhandled %s happens, then it is logged fatal with its stack, the service stops gracefully and exits 1', async (kind) => {
    const svc = spawnService({ CRASH_KIND: kind }, as(runtime, 'test/reliability/fixtures/crash-after-listen.mjs'));
    try {
      await svc.port;
      expect(await svc.exited).toBe(1);
      const fatal = svc.lines.find((line) => line.level === 60);
      expect(fatal?.err?.stack).toContain('boom');
      expect(svc.lines.map((line) => line.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/database closed/), expect.stringMatching(/\[Server:stop\] stopped/)]));
    } finally {
      svc.cleanup();
    }
  });

  it('P20 When the configuration is invalid, then the process exits 1 fast, names the variables and echoes no secret', async () => {
    const started = Date.now();
    const svc = spawnService({ DATABASE_URL: 'mysql://admin:TopSecret99@db:3306/x', PORT: 'eighty', RATE_LIMIT_MAX: '-5' }, as(runtime));
    try {
      expect(await svc.exited).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(svc.stderr()).toMatch(/DATABASE_URL/);
      expect(svc.stderr()).toMatch(/PORT/);
      expect(svc.stderr()).toMatch(/RATE_LIMIT_MAX/);
      expect(svc.stderr() + svc.stdout()).not.toContain('TopSecret99');
    } finally {
      svc.cleanup();
    }
  });
});
