import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewProduct, buildOtherProduct } from '../../services/products/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('/products routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewProduct()): Promise<{ id: number }> =>
    (await checkedRequest(app).post('/products').send(input).expect(201)).body as { id: number };
  /** The item path of a created row: `/products/:id`. */
  const pathOf = (row: { id: number }): string => `/products/${row.id}`;

  describe('POST /products', () => {
    it('When the body is valid, then 201 with the stored product', async () => {
      const input = buildNewProduct();
      const res = await checkedRequest(app).post('/products').send(input).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When a unique value is already taken, then 409 PRODUCT.CONFLICT', async () => {
      const input = buildNewProduct();
      await create(input);
      const res = await checkedRequest(app).post('/products').send(input).expect(409);
      expect(res.body.code).toBe('PRODUCT.CONFLICT');
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/products').send({ ...buildNewProduct(), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('labels (links to labels)', () => {
    it('When labels are given, then 201 with the ids ascending; a repeated id, over 100 ids or a non-id is 400', async () => {
      const send = (ids: unknown) => checkedRequest(app).post('/products').send({ ...buildNewProduct(), labels: ids });
      expect((await send([3, 1, 2]).expect(201)).body.labels).toEqual([1, 2, 3]);
      for (const bad of [[1, 1], Array.from({ length: 101 }, (_, i) => i + 1), [0], ['1']]) {
        expect((await send(bad).expect(400)).body.code).toBe('REQUEST.INVALID');
      }
    });
    it('When the list is filtered by labels, then 200 with only the rows linking every id given; a malformed list is 400', async () => {
      await create(buildNewProduct({ labels: [1] }));
      const both = await create(buildNewProduct({ labels: [1, 2] }));
      const res = await checkedRequest(app).get('/products?labels=2,1').expect(200);
      expect(res.body.items.map((item: { id: number }) => item.id)).toEqual([both.id]);
      expect((await checkedRequest(app).get('/products?labels=1,x').expect(400)).body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /products', () => {
    it('When products exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/products?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/products?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /products/:id', () => {
    it('When the product exists, then 200 with it', async () => {
      const input = buildNewProduct();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/products/abc').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no product has the id, then 404 PRODUCT.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/products/999999').expect(404);
      expect(res.body.code).toBe('PRODUCT.NOT_FOUND');
    });
  });

  describe('PATCH /products/:id', () => {
    it('When the patch is valid, then 200 with the changed product', async () => {
      const created = await create();
      const change = buildOtherProduct();
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /products/:id', () => {
    it('When the product exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete('/products/-1').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });
  // scaffold:usecase-route-tests
});
