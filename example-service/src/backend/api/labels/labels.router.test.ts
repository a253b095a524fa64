import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewLabel, buildOtherLabel } from '../../services/labels/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('/labels routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewLabel()): Promise<{ id: number }> =>
    (await checkedRequest(app).post('/labels').send(input).expect(201)).body as { id: number };
  /** The item path of a created row: `/labels/:id`. */
  const pathOf = (row: { id: number }): string => `/labels/${row.id}`;

  describe('POST /labels', () => {
    it('When the body is valid, then 201 with the stored label', async () => {
      const input = buildNewLabel();
      const res = await checkedRequest(app).post('/labels').send(input).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When a unique value is already taken, then 409 LABEL.CONFLICT', async () => {
      const input = buildNewLabel();
      await create(input);
      const res = await checkedRequest(app).post('/labels').send(input).expect(409);
      expect(res.body.code).toBe('LABEL.CONFLICT');
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/labels').send({ ...buildNewLabel(), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /labels', () => {
    it('When labels exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/labels?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/labels?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /labels/:id', () => {
    it('When the label exists, then 200 with it', async () => {
      const input = buildNewLabel();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/labels/abc').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no label has the id, then 404 LABEL.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/labels/999999').expect(404);
      expect(res.body.code).toBe('LABEL.NOT_FOUND');
    });
  });

  describe('PATCH /labels/:id', () => {
    it('When the patch is valid, then 200 with the changed label', async () => {
      const created = await create();
      const change = buildOtherLabel();
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /labels/:id', () => {
    it('When the label exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete('/labels/-1').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });
  // scaffold:usecase-route-tests
});
