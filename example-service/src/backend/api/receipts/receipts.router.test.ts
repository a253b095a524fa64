import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewReceipt, buildOtherReceipt } from '../../services/receipts/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('/receipts routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewReceipt()): Promise<{ id: number }> =>
    (await checkedRequest(app).post('/receipts').send(input).expect(201)).body as { id: number };
  /** The item path of a created row: `/receipts/:id`. */
  const pathOf = (row: { id: number }): string => `/receipts/${row.id}`;

  describe('POST /receipts', () => {
    it('When the body is valid, then 201 with the stored receipt', async () => {
      const input = buildNewReceipt();
      const res = await checkedRequest(app).post('/receipts').send(input).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When a unique value is already taken, then 409 RECEIPT.CONFLICT', async () => {
      const input = buildNewReceipt();
      await create(input);
      const res = await checkedRequest(app).post('/receipts').send(input).expect(409);
      expect(res.body.code).toBe('RECEIPT.CONFLICT');
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/receipts').send({ ...buildNewReceipt(), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /receipts', () => {
    it('When receipts exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/receipts?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When filtered by invoiceId, then 200 with only the rows pointing at that row', async () => {
      await create(buildNewReceipt({ invoiceId: 1 }));
      const created = await create(buildNewReceipt({ invoiceId: 2 }));
      const res = await checkedRequest(app).get('/receipts?invoiceId=2').expect(200);
      expect(res.body.items.map((item: { id: number }) => item.id)).toEqual([created.id]);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/receipts?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /receipts/:id', () => {
    it('When the receipt exists, then 200 with it', async () => {
      const input = buildNewReceipt();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/receipts/abc').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no receipt has the id, then 404 RECEIPT.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/receipts/999999').expect(404);
      expect(res.body.code).toBe('RECEIPT.NOT_FOUND');
    });
  });

  describe('PATCH /receipts/:id', () => {
    it('When the patch is valid, then 200 with the changed receipt', async () => {
      const created = await create();
      const change = buildOtherReceipt();
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /receipts/:id', () => {
    it('When the receipt exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete('/receipts/-1').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('POST /receipts/:id/refund', () => {
    // #region hand-written route-tests:refund
    it('When the receipt was received, then 200 with status refunded', async () => {
      const { id } = await create(buildNewReceipt({ status: 'received' }));
      const res = await checkedRequest(app).post(`/receipts/${id}/refund`).expect(200);
      expect(res.body).toMatchObject({ id, status: 'refunded' });
    });
    it('When the receipt is already refunded, then 409 RECEIPT.CONFLICT', async () => {
      const { id } = await create(buildNewReceipt({ status: 'received' }));
      await checkedRequest(app).post(`/receipts/${id}/refund`).expect(200);
      const res = await checkedRequest(app).post(`/receipts/${id}/refund`).expect(409);
      expect(res.body.code).toBe('RECEIPT.CONFLICT');
    });
    it('When no receipt has the id, then 404 RECEIPT.NOT_FOUND', async () => {
      const res = await checkedRequest(app).post('/receipts/999999/refund').expect(404);
      expect(res.body.code).toBe('RECEIPT.NOT_FOUND');
    });
    // #endregion hand-written route-tests:refund
  });
  // scaffold:usecase-route-tests
});
