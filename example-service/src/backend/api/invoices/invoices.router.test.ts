import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewInvoice, buildOtherInvoice } from '../../services/invoices/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('/invoices routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewInvoice()): Promise<{ id: number }> =>
    (await checkedRequest(app).post('/invoices').send(input).expect(201)).body as { id: number };
  /** The item path of a created row: `/invoices/:id`. */
  const pathOf = (row: { id: number }): string => `/invoices/${row.id}`;

  describe('POST /invoices', () => {
    it('When the body is valid, then 201 with the stored invoice', async () => {
      const input = buildNewInvoice();
      const res = await checkedRequest(app).post('/invoices').send(input).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/invoices').send({ ...buildNewInvoice(), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /invoices', () => {
    it('When invoices exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/invoices?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/invoices?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /invoices/:id', () => {
    it('When the invoice exists, then 200 with it', async () => {
      const input = buildNewInvoice();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/invoices/abc').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no invoice has the id, then 404 INVOICE.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/invoices/999999').expect(404);
      expect(res.body.code).toBe('INVOICE.NOT_FOUND');
    });
  });

  describe('PATCH /invoices/:id', () => {
    it('When the patch is valid, then 200 with the changed invoice', async () => {
      const created = await create();
      const change = buildOtherInvoice();
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /invoices/:id', () => {
    it('When the invoice exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete('/invoices/-1').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });
  // scaffold:usecase-route-tests
});
