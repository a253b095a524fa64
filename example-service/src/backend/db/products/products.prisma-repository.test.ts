import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewProduct, buildOtherProduct, type ProductsRepository, type NewProduct } from '../../services/products/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { createLabelsPrismaRepository } from '../labels/index.js';
import { seedLabel } from '../labels/labels.seed.js';
import { createProductsPrismaRepository } from './products.prisma-repository.js';

const log = pino({ level: 'silent' });

describe('ProductsPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let repo: ProductsRepository;
  /** Ids of real referenced and linked rows, seeded once. */
  let refs: Partial<NewProduct> = {};
  const buildNew = async () => buildNewProduct(refs);
  const buildOther = async () => buildOtherProduct(refs);
  beforeAll(async () => {
    db = await openTestDatabase();
    repo = createProductsPrismaRepository(db.prisma, log);
    refs = {
      labels: [await seedLabel(db.prisma, log)],
    };
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a product is created, then the same values are read back from the table', async () => {
    const input = await buildNew();
    const created = await repo.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(repo.findById(created.id)).resolves.toEqual(created);
  });

  it('When a product is updated, then the row holds the new values and a later updatedAt', async () => {
    const created = await repo.create(await buildNew());
    const change = await buildOther();
    const updated = await repo.update(created.id, change);
    expect(updated).toMatchObject(change);
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('When products are listed, then pages follow id order', async () => {
    const a = await repo.create(await buildNew());
    const b = await repo.create(await buildNew());
    const ids = (await repo.list({ limit: 100, offset: 0 })).map((row) => row.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(await repo.list({ limit: 1, offset: 0 })).toHaveLength(1);
  });

  it('When a product is deleted, then it is gone and a second delete reports false', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.delete(created.id)).resolves.toBe(true);
    await expect(repo.findById(created.id)).resolves.toBeNull();
    await expect(repo.delete(created.id)).resolves.toBe(false);
  });

  it('When the id does not exist, then update resolves to null', async () => {
    await expect(repo.update(2147483000, await buildOther())).resolves.toBeNull();
  });

  it('When another product already has the sku, then create refuses with PRODUCT.CONFLICT', async () => {
    const first = await repo.create(await buildNew());
    await expect(repo.create({ ...(await buildNew()), sku: first.sku })).rejects.toMatchObject({ code: 'PRODUCT.CONFLICT' });
  });

  it('When a product links labels, then the ids read back ascending, a patch replaces the set and [] clears it', async () => {
    const first = await seedLabel(db.prisma, log);
    const second = await seedLabel(db.prisma, log);
    const created = await repo.create({ ...(await buildNew()), labels: [second, first] });
    expect(created.labels).toEqual([first, second]);
    await expect(repo.findById(created.id)).resolves.toMatchObject({ labels: [first, second] });
    await expect(repo.update(created.id, { labels: [second] })).resolves.toMatchObject({ labels: [second] });
    await expect(repo.update(created.id, { labels: [] })).resolves.toMatchObject({ labels: [] });
  });

  it('When a linked row of labels does not exist, then create and update refuse with PRODUCT.INVALID and the links stay', async () => {
    await expect(repo.create({ ...(await buildNew()), labels: [2147483000] })).rejects.toMatchObject({ code: 'PRODUCT.INVALID' });
    const created = await repo.create(await buildNew());
    await expect(repo.update(created.id, { labels: [2147483000] })).rejects.toMatchObject({ code: 'PRODUCT.INVALID' });
    await expect(repo.findById(created.id)).resolves.toMatchObject({ labels: created.labels });
  });

  it('When products are listed by labels, then only rows linking every id asked for come back', async () => {
    const first = await seedLabel(db.prisma, log);
    const second = await seedLabel(db.prisma, log);
    const both = await repo.create({ ...(await buildNew()), labels: [first, second] });
    const one = await repo.create({ ...(await buildNew()), labels: [first] });
    const listed = async (ids: number[]) => (await repo.list({ limit: 100, offset: 0 }, { labels: ids })).map((row) => row.id);
    await expect(listed([first])).resolves.toEqual([both.id, one.id]);
    await expect(listed([first, second])).resolves.toEqual([both.id]);
  });

  it('When a linked label is deleted, then the link goes and the product stays (ON DELETE CASCADE on product_labels)', async () => {
    const linked = await seedLabel(db.prisma, log);
    const created = await repo.create({ ...(await buildNew()), labels: [linked] });
    await expect(createLabelsPrismaRepository(db.prisma, log).delete(linked)).resolves.toBe(true);
    await expect(repo.findById(created.id)).resolves.toMatchObject({ labels: [] });
  });
});
