import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewShipment, buildOtherShipment } from '../../services/shipments/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('/shipments routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewShipment()): Promise<{ id: number; trackingCode: string }> =>
    (await checkedRequest(app).post('/shipments').send(input).expect(201)).body as { id: number; trackingCode: string };
  /** The item path of a created row: `/shipments/:trackingCode`. */
  const pathOf = (row: { id: number; trackingCode: string }): string => `/shipments/${row.trackingCode}`;

  describe('POST /shipments', () => {
    it('When the body is valid, then 201 with the stored shipment', async () => {
      const input = buildNewShipment();
      const res = await checkedRequest(app).post('/shipments').send(input).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When a unique value is already taken, then 409 SHIPMENT.CONFLICT', async () => {
      const input = buildNewShipment();
      await create(input);
      const res = await checkedRequest(app).post('/shipments').send(input).expect(409);
      expect(res.body.code).toBe('SHIPMENT.CONFLICT');
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/shipments').send({ ...buildNewShipment(), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /shipments', () => {
    it('When shipments exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/shipments?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When filtered by invoiceId, then 200 with only the rows pointing at that row', async () => {
      await create(buildNewShipment({ invoiceId: 1 }));
      const created = await create(buildNewShipment({ invoiceId: 2 }));
      const res = await checkedRequest(app).get('/shipments?invoiceId=2').expect(200);
      expect(res.body.items.map((item: { id: number }) => item.id)).toEqual([created.id]);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/shipments?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /shipments/:trackingCode', () => {
    it('When the shipment exists, then 200 with it', async () => {
      const input = buildNewShipment();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get(`/shipments/${'x'.repeat(256)}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no shipment has the id, then 404 SHIPMENT.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/shipments/no-such-key').expect(404);
      expect(res.body.code).toBe('SHIPMENT.NOT_FOUND');
    });
  });

  describe('PATCH /shipments/:trackingCode', () => {
    it('When the patch is valid, then 200 with the changed shipment', async () => {
      const created = await create();
      const change = buildOtherShipment();
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /shipments/:trackingCode', () => {
    it('When the shipment exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete(`/shipments/${'x'.repeat(256)}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });
  describe('GET /shipments (filters, sort, total)', () => {
    it('When the list is sorted by -id and filtered by id[gte], then 200 with the matching rows newest first and their total', async () => {
      const first = await create();
      const second = await create(buildOtherShipment());
      const res = await checkedRequest(app).get(`/shipments?sort=-id&id[gte]=${first.id}`).expect(200);
      expect(res.body).toMatchObject({ total: 2, items: [{ id: second.id }, { id: first.id }] });
      const later = await checkedRequest(app).get(`/shipments?id[gte]=${second.id}&id[lte]=${second.id}`).expect(200);
      expect(later.body).toMatchObject({ total: 1, items: [{ id: second.id }] });
    });
    it('When the sort or a filter is not one the list takes, then 400 REQUEST.INVALID', async () => {
      for (const query of ['sort=nope', 'sort=id,-id', 'id[gte]=abc', 'id[like]=1', 'id=1&id=2']) {
        const res = await checkedRequest(app).get(`/shipments?${query}`).expect(400);
        expect(res.body.code, query).toBe('REQUEST.INVALID');
      }
    });
  });
  // scaffold:usecase-route-tests
});
