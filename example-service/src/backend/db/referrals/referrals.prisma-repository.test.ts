import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewReferral, buildOtherReferral, type ReferralsRepository, type NewReferral } from '../../services/referrals/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { createCustomersPrismaRepository } from '../customers/index.js';
import { seedCustomer } from '../customers/customers.seed.js';
import { createReferralsPrismaRepository } from './referrals.prisma-repository.js';

const log = pino({ level: 'silent' });

describe('ReferralsPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let repo: ReferralsRepository;
  /** Ids of real referenced rows, seeded once. */
  let refs: Partial<NewReferral> = {};
  /** A fresh referenced row for each member of a composite unique that varies, so fixture rows never collide. */
  const fresh = async (): Promise<Partial<NewReferral>> => ({
    ...refs,
    referrerId: await seedCustomer(db.prisma, log),
  });
  const buildNew = async () => buildNewReferral(await fresh());
  const buildOther = async () => buildOtherReferral(await fresh());
  beforeAll(async () => {
    db = await openTestDatabase();
    repo = createReferralsPrismaRepository(db.prisma, log);
    refs = {
      referrerId: await seedCustomer(db.prisma, log),
      referredId: await seedCustomer(db.prisma, log),
    };
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a referral is created, then the same values are read back from the table', async () => {
    const input = await buildNew();
    const created = await repo.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(repo.findById(created.id)).resolves.toEqual(created);
  });

  it('When a referral is updated, then the row holds the new values and a later updatedAt', async () => {
    const created = await repo.create(await buildNew());
    const change = await buildOther();
    const updated = await repo.update(created.id, change);
    expect(updated).toMatchObject(change);
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('When referrals are listed, then pages follow id order', async () => {
    const a = await repo.create(await buildNew());
    const b = await repo.create(await buildNew());
    const ids = (await repo.list({ limit: 100, offset: 0 })).map((row) => row.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(await repo.list({ limit: 1, offset: 0 })).toHaveLength(1);
  });

  it('When a referral is deleted, then it is gone and a second delete reports false', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.delete(created.id)).resolves.toBe(true);
    await expect(repo.findById(created.id)).resolves.toBeNull();
    await expect(repo.delete(created.id)).resolves.toBe(false);
  });

  it('When the id does not exist, then update resolves to null', async () => {
    await expect(repo.update(2147483000, await buildOther())).resolves.toBeNull();
  });

  it('When another referral already has the code, then create refuses with REFERRAL.CONFLICT', async () => {
    const first = await repo.create(await buildNew());
    await expect(repo.create({ ...(await buildNew()), code: first.code })).rejects.toMatchObject({ code: 'REFERRAL.CONFLICT' });
  });

  it('When a referral is looked up by code, then the row comes back, and an unknown code is null', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.findByCode(created.code)).resolves.toEqual(created);
    await expect(repo.findByCode('no-such-key')).resolves.toBeNull();
  });

  it('When another referral already has the same referrerId, referredId, then create refuses with REFERRAL.CONFLICT', async () => {
    const first = await repo.create(await buildNew());
    await expect(repo.create({ ...(await buildNew()), referrerId: first.referrerId, referredId: first.referredId })).rejects.toMatchObject({ code: 'REFERRAL.CONFLICT' });
  });

  it('When the referenced row of referrerId does not exist, then create refuses with REFERRAL.INVALID', async () => {
    await expect(repo.create({ ...(await buildNew()), referrerId: 2147483000 })).rejects.toMatchObject({ code: 'REFERRAL.INVALID' });
  });

  it('When referrals are listed by referrerId, then only rows pointing at that row come back', async () => {
    const mine = await repo.create(await buildNew());
    const other = await repo.create({ ...(await buildNew()), referrerId: await seedCustomer(db.prisma, log) });
    const ids = (await repo.list({ limit: 100, offset: 0 }, { referrerId: other.referrerId ?? undefined })).map((row) => row.id);
    expect(ids).toEqual([other.id]);
    expect(ids).not.toContain(mine.id);
  });

  it('When a referenced row of referrerId is deleted while in use, then the delete refuses with CUSTOMER.CONFLICT', async () => {
    const created = await repo.create(await buildNew());
    const targets = createCustomersPrismaRepository(db.prisma, log);
    await expect(targets.delete(created.referrerId)).rejects.toMatchObject({ code: 'CUSTOMER.CONFLICT' });
  });

  it('When the referenced row of referredId does not exist, then create refuses with REFERRAL.INVALID', async () => {
    await expect(repo.create({ ...(await buildNew()), referredId: 2147483000 })).rejects.toMatchObject({ code: 'REFERRAL.INVALID' });
  });

  it('When referrals are listed by referredId, then only rows pointing at that row come back', async () => {
    const mine = await repo.create(await buildNew());
    const other = await repo.create({ ...(await buildNew()), referredId: await seedCustomer(db.prisma, log) });
    const ids = (await repo.list({ limit: 100, offset: 0 }, { referredId: other.referredId ?? undefined })).map((row) => row.id);
    expect(ids).toEqual([other.id]);
    expect(ids).not.toContain(mine.id);
  });

  it('When a referenced row of referredId is deleted while in use, then the delete refuses with CUSTOMER.CONFLICT', async () => {
    const created = await repo.create(await buildNew());
    const targets = createCustomersPrismaRepository(db.prisma, log);
    await expect(targets.delete(created.referredId)).rejects.toMatchObject({ code: 'CUSTOMER.CONFLICT' });
  });
});
