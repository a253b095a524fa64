import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeServices } from '../../../composition-root.js';
import { openTestDatabase, type TestDatabase } from '../../db/common/index.js';
import { checkedRequest } from '../common/openapi-testing.js';

const log = pino({ level: 'silent' });
const PASSWORD = 'database password, long enough';

// The auth routes on every real adapter at once: argon2id, jose, and the Prisma users and
// refresh-token repositories on PostgreSQL (embedded PGlite, or DATABASE_URL when set).
describe('/auth routes on the real database (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let n = 0;
  const api = () => checkedRequest(app);
  const signUp = async () => {
    n += 1;
    const user = { email: `db-user-${n}-${Date.now()}@example.com`, password: PASSWORD };
    await api().post('/auth/register').send(user).expect(201);
    return { user, tokens: (await api().post('/auth/login').send(user).expect(200)).body as { accessToken: string; refreshToken: string } };
  };
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  beforeEach(() => {
    // A fresh app per test (its own auth rate limiter) over the one test database.
    app = createApp({ services: composeServices(db.prisma, log), log, checkReady: async () => {} });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a user registers twice with one email, then 201 then 409 USER.CONFLICT (the unique index), and the login opens GET /auth/me', async () => {
    const { user, tokens } = await signUp();
    expect((await api().post('/auth/register').send({ ...user, email: user.email.toUpperCase() }).expect(409)).body.code).toBe('USER.CONFLICT');
    const me = await api().get('/auth/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email: user.email, roles: [] });
    expect(me.text).not.toMatch(/password|\$argon2/i);
  });

  it('When a refresh token is used twice, then 401 and its family is revoked in the table: the newer refresh and access tokens die too', async () => {
    const { tokens } = await signUp();
    const next = (await api().post('/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200)).body as { accessToken: string; refreshToken: string };
    await api().post('/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await api().post('/auth/refresh').send({ refreshToken: next.refreshToken }).expect(401);
    await api().get('/auth/me').set('authorization', `Bearer ${next.accessToken}`).expect(401);
  });

  it('When a user logs out, then that session is dead in the table and another session of the user lives on', async () => {
    const { user, tokens } = await signUp();
    const other = (await api().post('/auth/login').send(user).expect(200)).body as { accessToken: string };
    await api().post('/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    await api().get('/auth/me').set('authorization', `Bearer ${tokens.accessToken}`).expect(401);
    await api().get('/auth/me').set('authorization', `Bearer ${other.accessToken}`).expect(200);
  });

  it('When the email or the password holds U+0000, then 400 REQUEST.INVALID, never a 500 from PostgreSQL', async () => {
    for (const body of [{ email: 'nul\u0000@example.com', password: PASSWORD }, { email: 'nul@example.com', password: `${PASSWORD}\u0000` }]) {
      expect((await api().post('/auth/login').send(body).expect(400)).body.code).toBe('REQUEST.INVALID');
    }
  });
});
