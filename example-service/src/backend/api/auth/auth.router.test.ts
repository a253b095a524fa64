import { Writable } from 'node:stream';
import { decodeJwt, SignJWT } from 'jose';
import { MemoryStore } from 'express-rate-limit';
import { pino } from 'pino';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { createRootLogger } from '../../../logger.js';
import { createAuthService, createInMemoryRefreshTokenStore } from '../../services/auth/index.js';
import { createInMemoryUsersRepository } from '../../services/users/index.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { authAdapters } from './auth.adapters.js';
import { loadAuthSettings } from './auth.config.js';

// Every line every request of this file logs, at trace level, for the final "no secret in a log line" check.
const lines: string[] = [];
const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } });
const log = createRootLogger({ level: 'trace', pretty: false, destination: sink });
const secret = Buffer.alloc(32, 7).toString('base64url');
const settings = loadAuthSettings({ NODE_ENV: 'test', AUTH_JWT_SECRET: secret }, pino({ level: 'silent' }));
const PASSWORD = 'correct horse battery staple';
const bodies: string[] = [];
const hashes: string[] = [];

function buildApp() {
  const users = createInMemoryUsersRepository(log);
  const spy = { ...users, create: async (data: Parameters<typeof users.create>[0]) => { hashes.push(data.passwordHash.reveal()); return users.create(data); } };
  const auth = createAuthService({ users: spy, refreshTokens: createInMemoryRefreshTokenStore(log), ...authAdapters(log, settings), log });
  const app = createApp({ services: { ...composeInMemoryServices(pino({ level: 'silent' })), auth }, log, checkReady: async () => {} });
  const client = checkedRequest(app);
  const keep = <T extends { text: string }>(res: T): T => { bodies.push(res.text); return res; };
  return {
    post: async (path: string, body: object, status: number) => keep(await client.post(path).send(body).expect(status)),
    me: async (authorization: string | undefined, status: number) => {
      const req = client.get('/auth/me');
      return keep(await (authorization === undefined ? req : req.set('authorization', authorization)).expect(status));
    },
  };
}

type Api = ReturnType<typeof buildApp>;
const signUp = async (api: Api, email = 'ann@example.com') => {
  await api.post('/auth/register', { email, password: PASSWORD }, 201);
  return (await api.post('/auth/login', { email, password: PASSWORD }, 200)).body as { accessToken: string; refreshToken: string };
};
const sign = (claims: { iss?: string; exp?: number; sub?: string; sid: string }) =>
  new SignJWT({ roles: [], sid: claims.sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub ?? '1')
    .setIssuer(claims.iss ?? settings.issuer).setAudience(settings.audience).setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 600).sign(settings.key);

describe('/auth routes', () => {
  let api: Api;
  beforeEach(() => {
    api = buildApp();
  });

  it('When a user registers with a mixed-case email, then 201 with the normalised account and no password or hash', async () => {
    const res = await api.post('/auth/register', { email: ' Ann@Example.COM', password: PASSWORD }, 400);
    expect(res.body.code).toBe('REQUEST.INVALID');
    const ok = await api.post('/auth/register', { email: 'Ann@Example.COM', password: PASSWORD }, 201);
    expect(ok.body).toEqual({ id: 1, email: 'ann@example.com', roles: [], createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect((await api.post('/auth/register', { email: 'ann@example.com', password: PASSWORD }, 409)).body.code).toBe('USER.CONFLICT');
  });

  it('When the password is shorter than 12 characters, then 400 REQUEST.INVALID', async () => {
    expect((await api.post('/auth/register', { email: 'a@b.io', password: 'short' }, 400)).body.code).toBe('REQUEST.INVALID');
  });

  it('When a user logs in, then the access token opens GET /auth/me (no-store token answer)', async () => {
    const tokens = await signUp(api);
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: settings.accessTtlSeconds });
    const me = await api.me(`Bearer ${tokens.accessToken}`, 200);
    expect(me.body).toMatchObject({ id: 1, email: 'ann@example.com' });
  });

  describe('attacks on the access token → 401 AUTH.UNAUTHENTICATED with WWW-Authenticate: Bearer', () => {
    it.each([
      ['no token', undefined],
      ['another scheme', 'Basic YWxpY2U6c2VjcmV0'],
      ['a malformed token', 'Bearer not-a-jwt'],
      ['an empty bearer', 'Bearer '],
    ])('When the request has %s, then 401', async (_case, authorization) => {
      const res = await api.me(authorization, 401);
      expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    });

    it('When the token is expired, tampered with, unsigned (alg none) or from another issuer, then 401 each', async () => {
      const { accessToken } = await signUp(api);
      const { sid } = decodeJwt(accessToken) as { sid: string };
      await api.me(`Bearer ${await sign({ sid })}`, 200); // the forge works when every claim is right
      const [head, payload, sig = ''] = accessToken.split('.');
      const tampered = `${head}.${payload}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
      const lifted = Buffer.from(JSON.stringify({ ...decodeJwt(accessToken), roles: ['admin'] })).toString('base64url');
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      for (const token of [
        await sign({ sid, exp: Math.floor(Date.now() / 1000) - 10 }),
        tampered,
        `${head}.${lifted}.${sig}`,
        none,
        await sign({ sid, iss: 'https://evil.example' }),
      ]) {
        const res = await api.me(`Bearer ${token}`, 401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    });
  });

  it('When a refresh token is used twice, then the second use is 401 and the whole family is revoked (newer refresh and access tokens too)', async () => {
    const first = await signUp(api);
    const second = (await api.post('/auth/refresh', { refreshToken: first.refreshToken }, 200)).body as { accessToken: string; refreshToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await api.me(`Bearer ${second.accessToken}`, 200);
    await api.post('/auth/refresh', { refreshToken: first.refreshToken }, 401);
    await api.post('/auth/refresh', { refreshToken: second.refreshToken }, 401);
    await api.me(`Bearer ${second.accessToken}`, 401);
  });

  it('When a user logs out, then that refresh token, its family and its access token are dead', async () => {
    const tokens = await signUp(api);
    await api.post('/auth/logout', { refreshToken: tokens.refreshToken }, 204);
    await api.post('/auth/refresh', { refreshToken: tokens.refreshToken }, 401);
    await api.me(`Bearer ${tokens.accessToken}`, 401);
  });

  it('When the password is wrong and when the email is unknown, then the same status and body', async () => {
    await api.post('/auth/register', { email: 'ann@example.com', password: PASSWORD }, 201);
    const wrong = await api.post('/auth/login', { email: 'ann@example.com', password: 'not the password' }, 401);
    const unknown = await api.post('/auth/login', { email: 'nobody@example.com', password: PASSWORD }, 401);
    const strip = (body: object) => ({ ...body, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
  });

  it.each([
    ['an email with U+0000', { email: 'ann\u0000@example.com', password: PASSWORD }],
    ['an email with an unpaired surrogate', { email: 'ann\ud800@example.com', password: PASSWORD }],
    ['a password with U+0000', { email: 'ann@example.com', password: `${PASSWORD}\u0000` }],
    ['a password with an unpaired surrogate', { email: 'ann@example.com', password: `${PASSWORD}\udc00` }],
  ])('When a login or a registration sends %s, then 400 REQUEST.INVALID (never a 500 from the database)', async (_case, body) => {
    expect((await api.post('/auth/login', body, 400)).body.code).toBe('REQUEST.INVALID');
    expect((await api.post('/auth/register', body, 400)).body.code).toBe('REQUEST.INVALID');
  });

  it('When the app shares a rate-limit store (REDIS_URL), then register, login and refresh count there under "auth": two instances share one limit', async () => {
    // One set of counters (what Redis is), each limiter its own store object over it (as rate-limit-redis makes one per limiter).
    const counters = new MemoryStore();
    counters.init({ windowMs: 60_000 } as Parameters<MemoryStore['init']>[0]);
    const asked: string[] = [];
    const store = (prefix: string) => (asked.push(prefix), { increment: (key: string) => counters.increment(`${prefix}:${key}`), decrement: (key: string) => counters.decrement(`${prefix}:${key}`), resetKey: (key: string) => counters.resetKey(`${prefix}:${key}`) });
    const instances = [0, 1].map(() => checkedRequest(createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {}, rateLimit: { windowMs: 60_000, limit: 0, store } })));
    const statuses: number[] = [];
    for (let i = 0; i <= settings.rateLimit.limit; i += 1) {
      statuses.push((await instances[i % 2]?.post('/auth/login').send({ email: 'nobody@example.com', password: `guess ${i}` }))?.status ?? 0);
    }
    counters.shutdown();
    expect(asked).toEqual(['auth', 'auth']);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('When one client keeps guessing passwords, then after AUTH_RATE_LIMIT_MAX tries 429 with RateLimit headers', async () => {
    await api.post('/auth/register', { email: 'ann@example.com', password: PASSWORD }, 201);
    for (let i = 1; i < settings.rateLimit.limit; i += 1) await api.post('/auth/login', { email: 'ann@example.com', password: `guess ${i}` }, 401);
    const res = await api.post('/auth/login', { email: 'ann@example.com', password: PASSWORD }, 429);
    expect(res.body.code).toBe('REQUEST.RATE_LIMITED');
    expect(res.headers.ratelimit).toBeDefined();
    expect(res.headers['retry-after']).toBeDefined();
  });
});

afterAll(() => {
  // The passwords and their hashes reach no answer and no log line of this whole file.
  expect(hashes.length).toBeGreaterThan(5);
  expect(lines.length).toBeGreaterThan(100);
  for (const text of [...lines, ...bodies]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('$argon2id$');
    for (const hash of hashes) expect(text).not.toContain(hash.split('$').at(-1));
  }
});
