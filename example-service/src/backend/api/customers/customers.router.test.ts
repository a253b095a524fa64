import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewCustomer, buildOtherCustomer, customerBody, withoutCustomerSecrets, type CustomerPatch } from '../../services/customers/index.js';

const log = pino({ level: 'silent' });
/** What an answer holds of a fixture: its JSON without the secret fields, which no answer shows. */
const json = (value: object): unknown => JSON.parse(JSON.stringify(withoutCustomerSecrets(value as CustomerPatch)));
/** The body a client sends for a fixture: secret fields in clear. */
const bodyOf = (value: CustomerPatch): object => customerBody(value);

describe('/customers routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewCustomer()): Promise<{ id: number }> =>
    (await checkedRequest(app).post('/customers').send(bodyOf(input)).expect(201)).body as { id: number };
  /** The item path of a created row: `/customers/:id`. */
  const pathOf = (row: { id: number }): string => `/customers/${row.id}`;

  describe('POST /customers', () => {
    it('When the body is valid, then 201 with the stored customer', async () => {
      const input = buildNewCustomer();
      const res = await checkedRequest(app).post('/customers').send(bodyOf(input)).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/customers').send({ ...bodyOf(buildNewCustomer()), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When a customer is created with accessKey, then no answer holds it or its hash', async () => {
      const input = buildNewCustomer();
      const created = await create(input);
      const answers = [
        await checkedRequest(app).get(pathOf(created)).expect(200),
        await checkedRequest(app).get('/customers?limit=100').expect(200),
        await checkedRequest(app).patch(pathOf(created)).send(bodyOf({ accessKey: buildOtherCustomer().accessKey })).expect(200),
      ];
      for (const res of answers) {
        expect(res.text).not.toContain(input.accessKey?.reveal());
        expect(res.text).not.toMatch(/\$argon2|"accessKey"|"accessKeyHash"/);
      }
    });
  });

  describe('GET /customers', () => {
    it('When customers exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/customers?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/customers?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /customers/:id', () => {
    it('When the customer exists, then 200 with it', async () => {
      const input = buildNewCustomer();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/customers/abc').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no customer has the id, then 404 CUSTOMER.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/customers/999999').expect(404);
      expect(res.body.code).toBe('CUSTOMER.NOT_FOUND');
    });
  });

  describe('PATCH /customers/:id', () => {
    it('When the patch is valid, then 200 with the changed customer', async () => {
      const created = await create();
      const change = buildOtherCustomer();
      const res = await checkedRequest(app).patch(pathOf(created)).send(bodyOf(change)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /customers/:id', () => {
    it('When the customer exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete('/customers/-1').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /customers/search', () => {
    // #region hand-written route-tests:search
    it('When customers exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get(`/customers/search?email=email-1`).expect(200);
      expect(res.body).toMatchObject({ limit: 20, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When the query has an unknown parameter, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get(`/customers/search?email=email-1&unknownParam=1`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    // #endregion hand-written route-tests:search
  });
  // scaffold:usecase-route-tests
});
