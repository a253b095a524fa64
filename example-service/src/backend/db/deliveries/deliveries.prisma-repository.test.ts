import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewDelivery, buildOtherDelivery, type DeliveriesRepository, type NewDelivery } from '../../services/deliveries/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { createInvoicesPrismaRepository } from '../invoices/index.js';
import { seedInvoice } from '../invoices/invoices.seed.js';
import { createDeliveriesPrismaRepository } from './deliveries.prisma-repository.js';

const log = pino({ level: 'silent' });

describe('DeliveriesPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let repo: DeliveriesRepository;
  /** Ids of real referenced rows, seeded once. */
  let refs: Partial<NewDelivery> = {};
  const buildNew = async () => buildNewDelivery(refs);
  const buildOther = async () => buildOtherDelivery(refs);
  beforeAll(async () => {
    db = await openTestDatabase();
    repo = createDeliveriesPrismaRepository(db.prisma, log);
    refs = {
      invoiceId: await seedInvoice(db.prisma, log),
    };
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a delivery is created, then the same values are read back from the table', async () => {
    const input = await buildNew();
    const created = await repo.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(repo.findById(created.id)).resolves.toEqual(created);
  });

  it('When a delivery is updated, then the row holds the new values and a later updatedAt', async () => {
    const created = await repo.create(await buildNew());
    const change = await buildOther();
    const updated = await repo.update(created.id, change);
    expect(updated).toMatchObject(change);
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('When deliveries are listed, then pages follow id order', async () => {
    const a = await repo.create(await buildNew());
    const b = await repo.create(await buildNew());
    const ids = (await repo.list({ limit: 100, offset: 0 })).map((row) => row.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(await repo.list({ limit: 1, offset: 0 })).toHaveLength(1);
  });

  it('When deliveries are listed with filters and sort keys, then the query narrows, orders and counts them in SQL', async () => {
    const first = await repo.create(await buildNew());
    const second = await repo.create(await buildOther());
    const mine = { field: 'id', operator: 'gte' as const, value: first.id };
    const page = { limit: 10, offset: 0 };
    expect((await repo.list({ ...page, filters: [mine], sort: [{ field: 'id', direction: 'desc' }] })).map((row) => row.id)).toEqual([second.id, first.id]);
    await expect(repo.count([mine])).resolves.toBe(2);
    const onlySecond = [mine, { field: 'recipient', operator: 'eq' as const, value: second.recipient }];
    expect((await repo.list({ ...page, filters: onlySecond })).map((row) => row.id)).toEqual([second.id]);
    await expect(repo.count(onlySecond)).resolves.toBe(1);
    const ascending = await repo.list({ ...page, filters: [mine], sort: [{ field: 'recipient', direction: 'asc' }] });
    const descending = await repo.list({ ...page, filters: [mine], sort: [{ field: 'recipient', direction: 'desc' }] });
    expect(descending.map((row) => row.id)).toEqual(ascending.map((row) => row.id).reverse());
    const bounds = [
      mine,
      { field: 'weightGrams', operator: 'gte' as const, value: second.weightGrams },
      { field: 'weightGrams', operator: 'lte' as const, value: second.weightGrams },
    ];
    expect((await repo.list({ ...page, filters: bounds })).map((row) => row.id)).toEqual([second.id]);
  });

  it('When deliveries are filtered by recipient[contains], then it matches case-insensitively and % _ \\ match only themselves', async () => {
    const wild = await repo.create({ ...(await buildNew()), recipient: 'Half 50%_off\\' });
    const tame = await repo.create({ ...(await buildOther()), recipient: 'half 50 xoff' });
    const mine = { field: 'id', operator: 'gte' as const, value: wild.id };
    const matching = async (value: string) =>
      (await repo.list({ limit: 10, offset: 0, filters: [mine, { field: 'recipient', operator: 'contains', value }] })).map((row) => row.id);
    await expect(matching('HALF 50')).resolves.toEqual([wild.id, tame.id]);
    await expect(matching('0%')).resolves.toEqual([wild.id]);
    await expect(matching('%_o')).resolves.toEqual([wild.id]);
    await expect(matching('f\\')).resolves.toEqual([wild.id]);
  });

  it('When a delivery is deleted, then it is gone and a second delete reports false', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.delete(created.id)).resolves.toBe(true);
    await expect(repo.findById(created.id)).resolves.toBeNull();
    await expect(repo.delete(created.id)).resolves.toBe(false);
  });

  it('When the id does not exist, then update resolves to null', async () => {
    await expect(repo.update(2147483000, await buildOther())).resolves.toBeNull();
  });

  it('When another delivery already has the trackingCode, then create refuses with DELIVERY.CONFLICT', async () => {
    const first = await repo.create(await buildNew());
    await expect(repo.create({ ...(await buildNew()), trackingCode: first.trackingCode })).rejects.toMatchObject({ code: 'DELIVERY.CONFLICT' });
  });

  it('When a delivery is looked up by trackingCode, then the row comes back, and an unknown trackingCode is null', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.findByTrackingCode(created.trackingCode)).resolves.toEqual(created);
    await expect(repo.findByTrackingCode('no-such-key')).resolves.toBeNull();
  });

  it('When the referenced row of invoiceId does not exist, then create refuses with DELIVERY.INVALID', async () => {
    await expect(repo.create({ ...(await buildNew()), invoiceId: 2147483000 })).rejects.toMatchObject({ code: 'DELIVERY.INVALID' });
  });

  it('When deliveries are listed by invoiceId, then only rows pointing at that row come back', async () => {
    const mine = await repo.create(await buildNew());
    const other = await repo.create({ ...(await buildNew()), invoiceId: await seedInvoice(db.prisma, log) });
    const ids = (await repo.list({ limit: 100, offset: 0, filters: [{ field: 'invoiceId', operator: 'eq', value: other.invoiceId ?? 0 }] })).map((row) => row.id);
    expect(ids).toEqual([other.id]);
    expect(ids).not.toContain(mine.id);
  });

  it('When a referenced row of invoiceId is deleted while in use, then the delete refuses with INVOICE.CONFLICT', async () => {
    const created = await repo.create(await buildNew());
    const targets = createInvoicesPrismaRepository(db.prisma, log);
    await expect(targets.delete(created.invoiceId)).rejects.toMatchObject({ code: 'INVOICE.CONFLICT' });
  });
});
