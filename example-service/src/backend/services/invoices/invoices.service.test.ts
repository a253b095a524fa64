import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvoiceNotFoundError } from './invoices.errors.js';
import { buildNewInvoice, buildOtherInvoice } from './invoices.fixtures.js';
import { createInMemoryInvoicesRepository } from './invoices.memory-repository.js';
import { createInvoicesService, type InvoicesService } from './invoices.service.js';

const log = pino({ level: 'silent' });

describe('InvoicesService', () => {
  let service: InvoicesService;
  beforeEach(() => {
    service = createInvoicesService({ repo: createInMemoryInvoicesRepository(log), log });
  });

  it('When an invoice is created, then it gets an id and can be read back', async () => {
    const input = buildNewInvoice();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When invoices are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewInvoice());
    const second = await service.create(buildOtherInvoice());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When an invoice is updated, then the change is kept', async () => {
    const created = await service.create(buildNewInvoice());
    const change = buildOtherInvoice();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(change);
    await expect(service.get(created.id)).resolves.toMatchObject(change);
  });

  it('When an invoice is removed, then it is gone', async () => {
    const created = await service.create(buildNewInvoice());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(InvoiceNotFoundError);
  });

  it('When the id does not exist, then get, update and remove refuse with INVOICE.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'INVOICE.NOT_FOUND' });
    await expect(service.update(999, buildOtherInvoice())).rejects.toMatchObject({ code: 'INVOICE.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'INVOICE.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
