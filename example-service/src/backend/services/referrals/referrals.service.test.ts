import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReferralNotFoundError } from './referrals.errors.js';
import { buildNewReferral, buildOtherReferral } from './referrals.fixtures.js';
import { createInMemoryReferralsRepository } from './referrals.memory-repository.js';
import { createReferralsService, type ReferralsService } from './referrals.service.js';

const log = pino({ level: 'silent' });

describe('ReferralsService', () => {
  let service: ReferralsService;
  beforeEach(() => {
    service = createReferralsService({ repo: createInMemoryReferralsRepository(log), log });
  });

  it('When a referral is created, then it gets an id and can be read back', async () => {
    const input = buildNewReferral();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When referrals are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewReferral());
    const second = await service.create(buildOtherReferral());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When a referral is updated, then the change is kept', async () => {
    const created = await service.create(buildNewReferral());
    const change = buildOtherReferral();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(change);
    await expect(service.get(created.id)).resolves.toMatchObject(change);
  });

  it('When a referral is removed, then it is gone', async () => {
    const created = await service.create(buildNewReferral());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(ReferralNotFoundError);
  });

  it('When another referral already has the code, then create refuses with REFERRAL.CONFLICT', async () => {
    const first = await service.create(buildNewReferral());
    await expect(service.create(buildNewReferral({ code: first.code }))).rejects.toMatchObject({ code: 'REFERRAL.CONFLICT' });
  });

  it('When another referral already has the same referrerId, referredId, then create refuses with REFERRAL.CONFLICT', async () => {
    const first = await service.create(buildNewReferral());
    await expect(service.create(buildNewReferral({ referrerId: first.referrerId, referredId: first.referredId }))).rejects.toMatchObject({ code: 'REFERRAL.CONFLICT' });
  });

  it('When referrals are listed by referrerId, then only those rows come back', async () => {
    await service.create(buildNewReferral({ referrerId: 1 }));
    const wanted = await service.create(buildNewReferral({ referrerId: 2 }));
    const page = await service.list({ limit: 10, offset: 0 }, { referrerId: 2 });
    expect(page.items.map((item) => item.id)).toEqual([wanted.id]);
  });

  it('When referrals are listed by referredId, then only those rows come back', async () => {
    await service.create(buildNewReferral({ referredId: 1 }));
    const wanted = await service.create(buildNewReferral({ referredId: 2 }));
    const page = await service.list({ limit: 10, offset: 0 }, { referredId: 2 });
    expect(page.items.map((item) => item.id)).toEqual([wanted.id]);
  });

  it('When a referral has the code, then idOf finds its id, and an unknown code is REFERRAL.NOT_FOUND', async () => {
    const created = await service.create(buildNewReferral());
    await expect(service.idOf(created.code)).resolves.toBe(created.id);
    await expect(service.idOf('no-such-key')).rejects.toMatchObject({ code: 'REFERRAL.NOT_FOUND' });
  });

  it('When the id does not exist, then get, update and remove refuse with REFERRAL.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'REFERRAL.NOT_FOUND' });
    await expect(service.update(999, buildOtherReferral())).rejects.toMatchObject({ code: 'REFERRAL.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'REFERRAL.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
