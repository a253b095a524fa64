import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeliveryNotFoundError } from './deliveries.errors.js';
import { buildNewDelivery, buildOtherDelivery } from './deliveries.fixtures.js';
import { createInMemoryDeliveriesRepository } from './deliveries.memory-repository.js';
import { createDeliveriesService, type DeliveriesService } from './deliveries.service.js';

const log = pino({ level: 'silent' });

describe('DeliveriesService', () => {
  let service: DeliveriesService;
  beforeEach(() => {
    service = createDeliveriesService({ repo: createInMemoryDeliveriesRepository(log), log });
  });

  it('When a delivery is created, then it gets an id and can be read back', async () => {
    const input = buildNewDelivery();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When deliveries are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewDelivery());
    const second = await service.create(buildOtherDelivery());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When deliveries are listed with filters and sort keys, then only the matching rows come back, in that order, with their total', async () => {
    const first = await service.create(buildNewDelivery());
    const second = await service.create(buildOtherDelivery());
    const page = { limit: 10, offset: 0 };
    await expect(service.list({ ...page, sort: [{ field: 'id', direction: 'desc' }] })).resolves.toMatchObject({ total: 2, items: [{ id: second.id }, { id: first.id }] });
    const onlySecond = [{ field: 'recipient', operator: 'eq' as const, value: second.recipient }];
    await expect(service.list({ ...page, filters: onlySecond })).resolves.toMatchObject({ total: 1, items: [{ id: second.id }] });
    const ascending = await service.list({ ...page, sort: [{ field: 'recipient', direction: 'asc' }] });
    const descending = await service.list({ ...page, sort: [{ field: 'recipient', direction: 'desc' }] });
    expect(descending.items.map((row) => row.id)).toEqual(ascending.items.map((row) => row.id).reverse());
    const bounds = [
      { field: 'weightGrams', operator: 'gte' as const, value: second.weightGrams },
      { field: 'weightGrams', operator: 'lte' as const, value: second.weightGrams },
    ];
    await expect(service.list({ ...page, filters: bounds })).resolves.toMatchObject({ total: 1, items: [{ id: second.id }] });
    const contains = [{ field: 'recipient', operator: 'contains' as const, value: second.recipient.toUpperCase() }];
    await expect(service.list({ ...page, filters: contains })).resolves.toMatchObject({ items: [{ id: second.id }] });
    await expect(service.list({ ...page, offset: 1, sort: [{ field: 'id', direction: 'desc' }] })).resolves.toMatchObject({ total: 2, items: [{ id: first.id }] });
  });


  it('When a delivery is updated, then the change is kept', async () => {
    const created = await service.create(buildNewDelivery());
    const change = buildOtherDelivery();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(change);
    await expect(service.get(created.id)).resolves.toMatchObject(change);
  });

  it('When a delivery is removed, then it is gone', async () => {
    const created = await service.create(buildNewDelivery());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(DeliveryNotFoundError);
  });

  it('When another delivery already has the trackingCode, then create refuses with DELIVERY.CONFLICT', async () => {
    const first = await service.create(buildNewDelivery());
    await expect(service.create(buildNewDelivery({ trackingCode: first.trackingCode }))).rejects.toMatchObject({ code: 'DELIVERY.CONFLICT' });
  });

  it('When deliveries are listed by invoiceId, then only those rows come back', async () => {
    await service.create(buildNewDelivery({ invoiceId: 1 }));
    const wanted = await service.create(buildNewDelivery({ invoiceId: 2 }));
    const page = await service.list({ limit: 10, offset: 0, filters: [{ field: 'invoiceId', operator: 'eq', value: 2 }] });
    expect(page.items.map((item) => item.id)).toEqual([wanted.id]);
  });

  it('When a delivery has the trackingCode, then idOf finds its id, and an unknown trackingCode is DELIVERY.NOT_FOUND', async () => {
    const created = await service.create(buildNewDelivery());
    await expect(service.idOf(created.trackingCode)).resolves.toBe(created.id);
    await expect(service.idOf('no-such-key')).rejects.toMatchObject({ code: 'DELIVERY.NOT_FOUND' });
  });

  it('When the id does not exist, then get, update and remove refuse with DELIVERY.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'DELIVERY.NOT_FOUND' });
    await expect(service.update(999, buildOtherDelivery())).rejects.toMatchObject({ code: 'DELIVERY.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'DELIVERY.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
