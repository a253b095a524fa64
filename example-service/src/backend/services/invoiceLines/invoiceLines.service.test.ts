import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvoiceLineNotFoundError } from './invoiceLines.errors.js';
import { buildNewInvoiceLine, buildOtherInvoiceLine } from './invoiceLines.fixtures.js';
import { createInMemoryInvoiceLinesRepository } from './invoiceLines.memory-repository.js';
import { createInvoiceLinesService, type InvoiceLineInput, type InvoiceLinesService } from './invoiceLines.service.js';
import type { NewInvoiceLine } from './invoiceLines.entity.js';

const log = pino({ level: 'silent' });
/** A fixture without its parent ref: what a client gives (the path names the parent). */
const inputOf = ({ invoiceId: _parent, ...input }: NewInvoiceLine): InvoiceLineInput => input;
/** Two invoices (the in-memory adapter checks no foreign key). */
const [PARENT, OTHER_PARENT] = [1, 2];

describe('InvoiceLinesService (nested under invoices)', () => {
  let service: InvoiceLinesService;
  beforeEach(() => {
    service = createInvoiceLinesService({ repo: createInMemoryInvoiceLinesRepository(log), log });
  });

  it('When an invoice line is created under a invoice, then it gets an id, points at the invoice and can be read back there', async () => {
    const input = inputOf(buildNewInvoiceLine());
    const created = await service.create(PARENT, input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject({ ...input, invoiceId: PARENT });
    await expect(service.get(PARENT, created.id)).resolves.toEqual(created);
  });

  it('When invoiceLines are listed under a invoice, then the page holds only its own, in id order', async () => {
    const first = await service.create(PARENT, inputOf(buildNewInvoiceLine()));
    await service.create(OTHER_PARENT, inputOf(buildOtherInvoiceLine()));
    const second = await service.create(PARENT, inputOf(buildOtherInvoiceLine()));
    const page = await service.list(PARENT, { limit: 10, offset: 0 });
    expect(page).toMatchObject({ limit: 10, offset: 0 });
    expect(page.items.map((item) => item.id)).toEqual([first.id, second.id]);
  });

  it('When an invoice line is updated, then the change is kept and it stays under its invoice', async () => {
    const created = await service.create(PARENT, inputOf(buildNewInvoiceLine()));
    const change = inputOf(buildOtherInvoiceLine());
    const updated = await service.update(PARENT, created.id, change);
    expect(updated).toMatchObject({ ...change, invoiceId: PARENT });
    await expect(service.get(PARENT, created.id)).resolves.toMatchObject(change);
  });

  it('When an invoice line is removed, then it is gone', async () => {
    const created = await service.create(PARENT, inputOf(buildNewInvoiceLine()));
    await service.remove(PARENT, created.id);
    await expect(service.get(PARENT, created.id)).rejects.toBeInstanceOf(InvoiceLineNotFoundError);
  });

  it('When an invoice line is addressed under another invoice, then get, update and remove refuse with INVOICE_LINE.NOT_FOUND and it is untouched', async () => {
    const created = await service.create(PARENT, inputOf(buildNewInvoiceLine()));
    await expect(service.get(OTHER_PARENT, created.id)).rejects.toMatchObject({ code: 'INVOICE_LINE.NOT_FOUND' });
    await expect(service.update(OTHER_PARENT, created.id, inputOf(buildOtherInvoiceLine()))).rejects.toMatchObject({ code: 'INVOICE_LINE.NOT_FOUND' });
    await expect(service.remove(OTHER_PARENT, created.id)).rejects.toMatchObject({ code: 'INVOICE_LINE.NOT_FOUND' });
    await expect(service.get(PARENT, created.id)).resolves.toEqual(created);
  });

  it('When the id does not exist, then get, update and remove refuse with INVOICE_LINE.NOT_FOUND', async () => {
    await expect(service.get(PARENT, 999)).rejects.toMatchObject({ code: 'INVOICE_LINE.NOT_FOUND' });
    await expect(service.update(PARENT, 999, inputOf(buildOtherInvoiceLine()))).rejects.toMatchObject({ code: 'INVOICE_LINE.NOT_FOUND' });
    await expect(service.remove(PARENT, 999)).rejects.toMatchObject({ code: 'INVOICE_LINE.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
