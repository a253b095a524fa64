import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefreshTokenStore } from '../../services/auth/index.js';
import { Secret } from '../../services/common/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { createUsersPrismaRepository } from '../users/index.js';
import { createRefreshTokensPrismaRepository } from './auth.prisma-repository.js';

const log = pino({ level: 'silent' });
const hash = (n: number): string => n.toString(16).padStart(64, '0');

describe('RefreshTokensPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let store: RefreshTokenStore;
  let userId: number;
  beforeAll(async () => {
    db = await openTestDatabase();
    store = createRefreshTokensPrismaRepository(db.prisma, log);
    userId = (await createUsersPrismaRepository(db.prisma, log).create({ email: 'rt@example.com', passwordHash: new Secret('h') })).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a token is stored, then it is found by its hash only', async () => {
    const familyId = randomUUID();
    const created = await store.create({ familyId, userId, tokenHash: hash(1), expiresAt: new Date(Date.now() + 60_000) });
    await expect(store.findByHash(hash(1))).resolves.toEqual(created);
    await expect(store.findByHash(hash(2))).resolves.toBeNull();
    await expect(store.isFamilyActive(familyId)).resolves.toBe(true);
  });

  it('When two rotations race on one token, then exactly one marks it used', async () => {
    const record = await store.create({ familyId: randomUUID(), userId, tokenHash: hash(3), expiresAt: new Date(Date.now() + 60_000) });
    const results = await Promise.all([store.markUsed(record.id, new Date()), store.markUsed(record.id, new Date())]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('When a family is revoked, then all its tokens are and another family is not', async () => {
    const familyId = randomUUID();
    const other = randomUUID();
    await store.create({ familyId, userId, tokenHash: hash(4), expiresAt: new Date(Date.now() + 60_000) });
    await store.create({ familyId, userId, tokenHash: hash(5), expiresAt: new Date(Date.now() + 60_000) });
    await store.create({ familyId: other, userId, tokenHash: hash(6), expiresAt: new Date(Date.now() + 60_000) });
    await expect(store.revokeFamily(familyId, new Date())).resolves.toBe(2);
    await expect(store.isFamilyActive(familyId)).resolves.toBe(false);
    await expect(store.isFamilyActive(other)).resolves.toBe(true);
    expect((await store.findByHash(hash(5)))?.revokedAt).toBeInstanceOf(Date);
  });
});
