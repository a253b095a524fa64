import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewPlan, buildOtherPlan } from '../../services/plans/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('/plans routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewPlan()): Promise<{ id: number; slug: string }> =>
    (await checkedRequest(app).post('/plans').send(input).expect(201)).body as { id: number; slug: string };
  /** The item path of a created row: `/plans/:slug`. */
  const pathOf = (row: { id: number; slug: string }): string => `/plans/${row.slug}`;

  describe('POST /plans', () => {
    it('When the body is valid, then 201 with the stored plan', async () => {
      const input = buildNewPlan();
      const res = await checkedRequest(app).post('/plans').send(input).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When a unique value is already taken, then 409 PLAN.CONFLICT', async () => {
      const input = buildNewPlan();
      await create(input);
      const res = await checkedRequest(app).post('/plans').send(input).expect(409);
      expect(res.body.code).toBe('PLAN.CONFLICT');
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/plans').send({ ...buildNewPlan(), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When the body has no slug, then 201 with one derived from its title, suffixed when taken; a malformed one is 400', async () => {
      const n = Math.floor(Math.random() * 1e9);
      const { slug: _first, ...first } = buildNewPlan({ title: `Héllo, Wörld! ${n}` });
      const { slug: _second, ...second } = buildOtherPlan({ title: `hello world ${n}` });
      const a = await checkedRequest(app).post('/plans').send(first).expect(201);
      const b = await checkedRequest(app).post('/plans').send(second).expect(201);
      expect([a.body.slug, b.body.slug]).toEqual([`hello-world-${n}`, `hello-world-${n}-2`]);
      await checkedRequest(app).get(`/plans/hello-world-${n}-2`).expect(200);
      const bad = await checkedRequest(app).post('/plans').send({ ...buildNewPlan(), slug: 'Not a slug' }).expect(400);
      expect(bad.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /plans', () => {
    it('When plans exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/plans?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/plans?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /plans/:slug', () => {
    it('When the plan exists, then 200 with it', async () => {
      const input = buildNewPlan();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get(`/plans/${'x'.repeat(256)}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no plan has the id, then 404 PLAN.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/plans/no-such-key').expect(404);
      expect(res.body.code).toBe('PLAN.NOT_FOUND');
    });
  });

  describe('PATCH /plans/:slug', () => {
    it('When the patch is valid, then 200 with the changed plan', async () => {
      const created = await create();
      const change = buildOtherPlan();
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /plans/:slug', () => {
    it('When the plan exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete(`/plans/${'x'.repeat(256)}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });
  // scaffold:usecase-route-tests
});
