import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { checkedRequest } from '../../src/backend/api/common/openapi-testing.js';
import { loadConfig } from '../../src/config.js';
import { appWithSink, type LogLine } from './support.js';

const errorLines = (lines: LogLine[]) => lines.filter((line) => line.level >= 50 || line.err !== undefined);

describe('P9: every error is logged once, with stack, status and request id', () => {
  it.each([
    ['an Error', new Error('kaboom')],
    ['a string', 'kaboom'],
    ['null', null],
    ['a number', 42],
    ['undefined', undefined],
    ['an object', { weird: true }],
  ])('When a handler throws %s, then 500 and exactly one error line with stack, status and request id', async (_name, thrown) => {
    const { app, services, lines } = appWithSink();
    services.customers.get = async () => {
      throw thrown;
    };
    const res = await checkedRequest(app).get('/customers/7').set('x-request-id', 'odd-1').expect(500);
    expect(res.body.code).toBe('INTERNAL');
    const logged = errorLines(lines);
    expect(logged, JSON.stringify(logged)).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, req: { id: 'odd-1' }, res: { statusCode: 500 } });
    expect(logged[0]?.err?.stack).toEqual(expect.stringContaining('Error'));
  });

  it('When a domain error is thrown, then it is logged once at warn with its stack, status and request id', async () => {
    const { app, lines } = appWithSink();
    await checkedRequest(app).get('/customers/999').set('x-request-id', 'dom-1').expect(404);
    const logged = errorLines(lines);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 40, req: { id: 'dom-1' }, res: { statusCode: 404 }, err: { type: 'CustomerNotFoundError' } });
    expect(logged[0]?.err?.stack).toContain('CustomerNotFoundError');
  });

  it('P19 When requests throw (sync, async, odd values), then the process keeps serving', async () => {
    const { app, services } = appWithSink();
    services.customers.list = () => {
      throw new TypeError('sync throw');
    };
    await checkedRequest(app).get('/customers').expect(500);
    await checkedRequest(app).get('/customers/1').expect(404);
    await checkedRequest(app).post('/customers').send({ name: 'A', email: 'a@b.c' }).expect(201);
  });
});

describe('P10–P12: request ids, secrets, security headers', () => {
  it('P10 When a request carries a usable id, then it is echoed and on every line, the core included; unusable ids are replaced', async () => {
    const { app, lines } = appWithSink();
    const res = await checkedRequest(app).post('/invoices').set('x-request-id', 'abc-123').send({ number: 'I-1', amount: '1.00', paid: false }).expect(201);
    expect(res.headers['x-request-id']).toBe('abc-123');
    const core = lines.filter((line) => line.module === 'Invoices');
    expect(core.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.reqId ?? line.req?.id, JSON.stringify(line)).toBe('abc-123');
    for (const bad of ['x'.repeat(129), 'has space', 'semi;colon', '<script>']) {
      const r = await request(app).get('/healthz').set('x-request-id', bad).expect(200);
      expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const generated = await request(app).get('/healthz').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('P11 When secrets travel in headers, bodies or config, then no log line shows them', async () => {
    const { app, lines, log } = appWithSink();
    await request(app).post('/customers').set('authorization', 'Bearer tok-SECRET-1').set('cookie', 'sid=SECRET-2')
      .send({ name: 'A', email: 'a@b.c', password: 'SECRET-3' }).expect(400);
    await request(app).get('/customers/1').set('x-api-key', 'SECRET-4').expect(404);
    log.info({ input: [{ password: 'SECRET-5', nested: { token: 'SECRET-6' } }], databaseUrl: 'postgresql://u:SECRET-7@h/db', user: { profile: { secret: 'SECRET-8' } } }, 'probe');
    const text = JSON.stringify(lines);
    expect(text).toContain('probe');
    expect(text).not.toMatch(/SECRET-\d/);
  });

  it('P12 When any response goes out (200, 404, 400, 500), then helmet security headers are on it', async () => {
    const { app, services } = appWithSink();
    services.customers.get = async () => {
      throw new Error('x');
    };
    for (const [path, status] of [['/healthz', 200], ['/nope', 404], ['/customers/abc', 400], ['/customers/1', 500]] as const) {
      const res = await checkedRequest(app).get(path).expect(status);
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringContaining('max-age='),
        'content-security-policy': expect.stringContaining("default-src 'self'"),
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('P13: rate limit', () => {
  it('When a client goes over the limit, then 429 REQUEST.RATE_LIMITED with standard headers; probes are exempt', async () => {
    const { app } = appWithSink({ rateLimit: { windowMs: 60_000, limit: 3 } });
    for (let i = 0; i < 3; i += 1) {
      const ok = await checkedRequest(app).get('/customers').set('x-forwarded-for', `10.0.0.${i}`).expect(200);
      expect(ok.headers.ratelimit).toMatch(new RegExp(`^"3-in-1min"; r=${2 - i}; t=\\d+$`));
      expect(ok.headers['ratelimit-policy']).toMatch(/^"3-in-1min"; q=3; w=60/);
    }
    const limited = await checkedRequest(app).get('/customers').expect(429);
    expect(limited.body.code).toBe('REQUEST.RATE_LIMITED');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    await checkedRequest(app).get('/healthz').expect(200);
  });

  it('When trust proxy is set explicitly, then X-Forwarded-For selects the client; by default it is ignored', async () => {
    const { app } = appWithSink({ rateLimit: { windowMs: 60_000, limit: 1 }, trustProxy: 1 });
    await request(app).get('/customers').set('x-forwarded-for', '203.0.113.1').expect(200);
    await request(app).get('/customers').set('x-forwarded-for', '203.0.113.2').expect(200);
    await request(app).get('/customers').set('x-forwarded-for', '203.0.113.1').expect(429);
    expect(app.get('trust proxy')).toBe(1);
    expect(appWithSink().app.get('trust proxy')).toBe(false);
  });

  it('When configured from the environment, then limit, window and trust proxy are read and validated', () => {
    expect(loadConfig({})).toMatchObject({ rateLimit: { windowMs: 60_000, limit: 600 }, trustProxy: false });
    expect(loadConfig({ RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '1000', TRUST_PROXY: '2' })).toMatchObject({ rateLimit: { windowMs: 1000, limit: 5 }, trustProxy: 2 });
    expect(() => loadConfig({ RATE_LIMIT_MAX: '-1' })).toThrow(/RATE_LIMIT_MAX/);
  });
});
