import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewDelivery, buildOtherDelivery } from '../../services/deliveries/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('/deliveries routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewDelivery()): Promise<{ id: number; trackingCode: string }> =>
    (await checkedRequest(app).post('/deliveries').send(input).expect(201)).body as { id: number; trackingCode: string };
  /** The item path of a created row: `/deliveries/:trackingCode`. */
  const pathOf = (row: { id: number; trackingCode: string }): string => `/deliveries/${row.trackingCode}`;

  describe('POST /deliveries', () => {
    it('When the body is valid, then 201 with the stored delivery', async () => {
      const input = buildNewDelivery();
      const res = await checkedRequest(app).post('/deliveries').send(input).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When a unique value is already taken, then 409 DELIVERY.CONFLICT', async () => {
      const input = buildNewDelivery();
      await create(input);
      const res = await checkedRequest(app).post('/deliveries').send(input).expect(409);
      expect(res.body.code).toBe('DELIVERY.CONFLICT');
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/deliveries').send({ ...buildNewDelivery(), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /deliveries', () => {
    it('When deliveries exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/deliveries?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When filtered by invoiceId, then 200 with only the rows pointing at that row', async () => {
      await create(buildNewDelivery({ invoiceId: 1 }));
      const created = await create(buildNewDelivery({ invoiceId: 2 }));
      const res = await checkedRequest(app).get('/deliveries?invoiceId=2').expect(200);
      expect(res.body.items.map((item: { id: number }) => item.id)).toEqual([created.id]);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/deliveries?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /deliveries/:trackingCode', () => {
    it('When the delivery exists, then 200 with it', async () => {
      const input = buildNewDelivery();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get(`/deliveries/${'x'.repeat(256)}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no delivery has the id, then 404 DELIVERY.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/deliveries/no-such-key').expect(404);
      expect(res.body.code).toBe('DELIVERY.NOT_FOUND');
    });
  });

  describe('PATCH /deliveries/:trackingCode', () => {
    it('When the patch is valid, then 200 with the changed delivery', async () => {
      const created = await create();
      const change = buildOtherDelivery();
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /deliveries/:trackingCode', () => {
    it('When the delivery exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete(`/deliveries/${'x'.repeat(256)}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });
  describe('GET /deliveries (filters, sort, total)', () => {
    it('When the list is sorted by -id and filtered by id[gte], then 200 with the matching rows newest first and their total', async () => {
      const first = await create();
      const second = await create(buildOtherDelivery());
      const res = await checkedRequest(app).get(`/deliveries?sort=-id&id[gte]=${first.id}`).expect(200);
      expect(res.body).toMatchObject({ total: 2, items: [{ id: second.id }, { id: first.id }] });
      const later = await checkedRequest(app).get(`/deliveries?id[gte]=${second.id}&id[lte]=${second.id}`).expect(200);
      expect(later.body).toMatchObject({ total: 1, items: [{ id: second.id }] });
    });
    it('When the sort or a filter is not one the list takes, then 400 REQUEST.INVALID', async () => {
      for (const query of ['sort=nope', 'sort=id,-id', 'id[gte]=abc', 'id[like]=1', 'id=1&id=2']) {
        const res = await checkedRequest(app).get(`/deliveries?${query}`).expect(400);
        expect(res.body.code, query).toBe('REQUEST.INVALID');
      }
    });
  });
  // scaffold:usecase-route-tests
});
