import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewReferral, buildOtherReferral } from '../../services/referrals/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('/referrals routes', () => {
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  });
  const create = async (input = buildNewReferral()): Promise<{ id: number; code: string }> =>
    (await checkedRequest(app).post('/referrals').send(input).expect(201)).body as { id: number; code: string };
  /** The item path of a created row: `/referrals/:code`. */
  const pathOf = (row: { id: number; code: string }): string => `/referrals/${row.code}`;

  describe('POST /referrals', () => {
    it('When the body is valid, then 201 with the stored referral', async () => {
      const input = buildNewReferral();
      const res = await checkedRequest(app).post('/referrals').send(input).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(input) as object) });
    });
    it('When a unique value is already taken, then 409 REFERRAL.CONFLICT', async () => {
      const input = buildNewReferral();
      await create(input);
      const res = await checkedRequest(app).post('/referrals').send(input).expect(409);
      expect(res.body.code).toBe('REFERRAL.CONFLICT');
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/referrals').send({ ...buildNewReferral(), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /referrals', () => {
    it('When referrals exist, then 200 with a page of them', async () => {
      const created = await create();
      const res = await checkedRequest(app).get('/referrals?limit=10&offset=0').expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toContain(created.id);
    });
    it('When filtered by referrerId, then 200 with only the rows pointing at that row', async () => {
      await create(buildNewReferral({ referrerId: 1 }));
      const created = await create(buildNewReferral({ referrerId: 2 }));
      const res = await checkedRequest(app).get('/referrals?referrerId=2').expect(200);
      expect(res.body.items.map((item: { id: number }) => item.id)).toEqual([created.id]);
    });
    it('When filtered by referredId, then 200 with only the rows pointing at that row', async () => {
      await create(buildNewReferral({ referredId: 1 }));
      const created = await create(buildNewReferral({ referredId: 2 }));
      const res = await checkedRequest(app).get('/referrals?referredId=2').expect(200);
      expect(res.body.items.map((item: { id: number }) => item.id)).toEqual([created.id]);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/referrals?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /referrals/:code', () => {
    it('When the referral exists, then 200 with it', async () => {
      const input = buildNewReferral();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(input) as object) });
    });
    it('When the id is not a positive integer, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get(`/referrals/${'x'.repeat(256)}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When no referral has the id, then 404 REFERRAL.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/referrals/no-such-key').expect(404);
      expect(res.body.code).toBe('REFERRAL.NOT_FOUND');
    });
  });

  describe('PATCH /referrals/:code', () => {
    it('When the patch is valid, then 200 with the changed referral', async () => {
      const created = await create();
      const change = buildOtherReferral();
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /referrals/:code', () => {
    it('When the referral exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete(`/referrals/${'x'.repeat(256)}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });
  // scaffold:usecase-route-tests
});
