import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewInvoiceLine, buildOtherInvoiceLine, type InvoiceLinesRepository, type NewInvoiceLine } from '../../services/invoiceLines/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { createInvoicesPrismaRepository } from '../invoices/index.js';
import { seedInvoice } from '../invoices/invoices.seed.js';
import { createInvoiceLinesPrismaRepository } from './invoiceLines.prisma-repository.js';

const log = pino({ level: 'silent' });

describe('InvoiceLinesPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let repo: InvoiceLinesRepository;
  /** Ids of real referenced rows, seeded once. */
  let refs: Partial<NewInvoiceLine> = {};
  const buildNew = async () => buildNewInvoiceLine(refs);
  const buildOther = async () => buildOtherInvoiceLine(refs);
  beforeAll(async () => {
    db = await openTestDatabase();
    repo = createInvoiceLinesPrismaRepository(db.prisma, log);
    refs = {
      invoiceId: await seedInvoice(db.prisma, log),
    };
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When an invoice line is created, then the same values are read back from the table', async () => {
    const input = await buildNew();
    const created = await repo.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(repo.findById(created.id)).resolves.toEqual(created);
  });

  it('When an invoice line is updated, then the row holds the new values and a later updatedAt', async () => {
    const created = await repo.create(await buildNew());
    const change = await buildOther();
    const updated = await repo.update(created.id, change);
    expect(updated).toMatchObject(change);
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('When invoiceLines are listed, then pages follow id order', async () => {
    const a = await repo.create(await buildNew());
    const b = await repo.create(await buildNew());
    const ids = (await repo.list({ limit: 100, offset: 0 })).map((row) => row.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(await repo.list({ limit: 1, offset: 0 })).toHaveLength(1);
  });

  it('When an invoice line is deleted, then it is gone and a second delete reports false', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.delete(created.id)).resolves.toBe(true);
    await expect(repo.findById(created.id)).resolves.toBeNull();
    await expect(repo.delete(created.id)).resolves.toBe(false);
  });

  it('When the id does not exist, then update resolves to null', async () => {
    await expect(repo.update(2147483000, await buildOther())).resolves.toBeNull();
  });

  it('When the referenced row of invoiceId does not exist, then create refuses with INVOICE_LINE.INVALID', async () => {
    await expect(repo.create({ ...(await buildNew()), invoiceId: 2147483000 })).rejects.toMatchObject({ code: 'INVOICE_LINE.INVALID' });
  });

  it('When invoiceLines are listed by invoiceId, then only rows pointing at that row come back', async () => {
    const mine = await repo.create(await buildNew());
    const other = await repo.create({ ...(await buildNew()), invoiceId: await seedInvoice(db.prisma, log) });
    const ids = (await repo.list({ limit: 100, offset: 0 }, { invoiceId: other.invoiceId ?? undefined })).map((row) => row.id);
    expect(ids).toEqual([other.id]);
    expect(ids).not.toContain(mine.id);
  });

  it('When a referenced row of invoiceId is deleted while in use, then the delete refuses with INVOICE.CONFLICT', async () => {
    const created = await repo.create(await buildNew());
    const targets = createInvoicesPrismaRepository(db.prisma, log);
    await expect(targets.delete(created.invoiceId)).rejects.toMatchObject({ code: 'INVOICE.CONFLICT' });
  });
});
