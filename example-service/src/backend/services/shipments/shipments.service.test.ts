import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { ShipmentNotFoundError } from './shipments.errors.js';
import { buildNewShipment, buildOtherShipment } from './shipments.fixtures.js';
import { createInMemoryShipmentsRepository } from './shipments.memory-repository.js';
import { createShipmentsService, type ShipmentsService } from './shipments.service.js';

const log = pino({ level: 'silent' });

describe('ShipmentsService', () => {
  let service: ShipmentsService;
  beforeEach(() => {
    service = createShipmentsService({ repo: createInMemoryShipmentsRepository(log), log });
  });

  it('When a shipment is created, then it gets an id and can be read back', async () => {
    const input = buildNewShipment();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When shipments are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewShipment());
    const second = await service.create(buildOtherShipment());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When shipments are listed with filters and sort keys, then only the matching rows come back, in that order, with their total', async () => {
    const first = await service.create(buildNewShipment());
    const second = await service.create(buildOtherShipment());
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


  it('When a shipment is updated, then the change is kept', async () => {
    const created = await service.create(buildNewShipment());
    const change = buildOtherShipment();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(change);
    await expect(service.get(created.id)).resolves.toMatchObject(change);
  });

  it('When a shipment is removed, then it is gone', async () => {
    const created = await service.create(buildNewShipment());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(ShipmentNotFoundError);
  });

  it('When another shipment already has the trackingCode, then create refuses with SHIPMENT.CONFLICT', async () => {
    const first = await service.create(buildNewShipment());
    await expect(service.create(buildNewShipment({ trackingCode: first.trackingCode }))).rejects.toMatchObject({ code: 'SHIPMENT.CONFLICT' });
  });

  it('When shipments are listed by invoiceId, then only those rows come back', async () => {
    await service.create(buildNewShipment({ invoiceId: 1 }));
    const wanted = await service.create(buildNewShipment({ invoiceId: 2 }));
    const page = await service.list({ limit: 10, offset: 0, filters: [{ field: 'invoiceId', operator: 'eq', value: 2 }] });
    expect(page.items.map((item) => item.id)).toEqual([wanted.id]);
  });

  it('When a shipment has the trackingCode, then idOf finds its id, and an unknown trackingCode is SHIPMENT.NOT_FOUND', async () => {
    const created = await service.create(buildNewShipment());
    await expect(service.idOf(created.trackingCode)).resolves.toBe(created.id);
    await expect(service.idOf('no-such-key')).rejects.toMatchObject({ code: 'SHIPMENT.NOT_FOUND' });
  });

  it('When the id does not exist, then get, update and remove refuse with SHIPMENT.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'SHIPMENT.NOT_FOUND' });
    await expect(service.update(999, buildOtherShipment())).rejects.toMatchObject({ code: 'SHIPMENT.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'SHIPMENT.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
