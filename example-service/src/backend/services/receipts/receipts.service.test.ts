import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReceiptNotFoundError } from './receipts.errors.js';
import { buildNewReceipt, buildOtherReceipt } from './receipts.fixtures.js';
import { createInMemoryReceiptsRepository } from './receipts.memory-repository.js';
import { createReceiptsService, type ReceiptsService } from './receipts.service.js';

const log = pino({ level: 'silent' });

describe('ReceiptsService', () => {
  let service: ReceiptsService;
  beforeEach(() => {
    service = createReceiptsService({ repo: createInMemoryReceiptsRepository(log), log });
  });

  it('When a receipt is created, then it gets an id and can be read back', async () => {
    const input = buildNewReceipt();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When receipts are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewReceipt());
    const second = await service.create(buildOtherReceipt());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When a receipt is updated, then the change is kept', async () => {
    const created = await service.create(buildNewReceipt());
    const change = buildOtherReceipt();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(change);
    await expect(service.get(created.id)).resolves.toMatchObject(change);
  });

  it('When a receipt is removed, then it is gone', async () => {
    const created = await service.create(buildNewReceipt());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(ReceiptNotFoundError);
  });

  it('When another receipt already has the reference, then create refuses with RECEIPT.CONFLICT', async () => {
    const first = await service.create(buildNewReceipt());
    await expect(service.create(buildNewReceipt({ reference: first.reference }))).rejects.toMatchObject({ code: 'RECEIPT.CONFLICT' });
  });

  it('When receipts are listed by invoiceId, then only those rows come back', async () => {
    await service.create(buildNewReceipt({ invoiceId: 1 }));
    const wanted = await service.create(buildNewReceipt({ invoiceId: 2 }));
    const page = await service.list({ limit: 10, offset: 0 }, { invoiceId: 2 });
    expect(page.items.map((item) => item.id)).toEqual([wanted.id]);
  });

  it('When the id does not exist, then get, update and remove refuse with RECEIPT.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'RECEIPT.NOT_FOUND' });
    await expect(service.update(999, buildOtherReceipt())).rejects.toMatchObject({ code: 'RECEIPT.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'RECEIPT.NOT_FOUND' });
  });

  // #region hand-written tests:refund
  it('When refund runs on a received receipt, then its status becomes refunded and is stored', async () => {
    const created = await service.create(buildNewReceipt({ status: 'received' }));
    await expect(service.refund(created.id)).resolves.toMatchObject({ id: created.id, status: 'refunded', amount: created.amount });
    await expect(service.get(created.id)).resolves.toMatchObject({ status: 'refunded' });
  });

  it('When refund runs on a receipt already refunded, then it refuses with RECEIPT.CONFLICT and changes nothing', async () => {
    const created = await service.create(buildNewReceipt({ status: 'received' }));
    await service.refund(created.id);
    const before = await service.get(created.id);
    await expect(service.refund(created.id)).rejects.toMatchObject({ code: 'RECEIPT.CONFLICT' });
    await expect(service.get(created.id)).resolves.toEqual(before);
  });

  it('When refund gets an unknown id, then it refuses with RECEIPT.NOT_FOUND', async () => {
    await expect(service.refund(999)).rejects.toMatchObject({ code: 'RECEIPT.NOT_FOUND' });
  });
  // #endregion hand-written tests:refund
  // scaffold:usecase-tests
});
