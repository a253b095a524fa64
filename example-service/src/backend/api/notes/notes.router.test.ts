import type { Express } from 'express';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../auth/auth.fixtures.js';
import { checkedRequest as anonymous } from '../common/openapi-testing.js';
import { buildNewNote, buildOtherNote } from '../../services/notes/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
/** A valid body: the fixture without `authorId`, which the server takes from the token. */
const bodyOf = (value: object): object => {
  const { authorId: _owner, ...rest } = value as Record<string, unknown>;
  return rest;
};
/** Roles alice and bob hold: the module's and its use cases' (outsider, also signed in, holds none). */
const ROLES: string[] = [
  // scaffold:usecase-roles
];

describe('/notes routes (signed in)', () => {
  let app: Express;
  /** Access tokens of alice and bob (who hold ROLES) and of outsider (no role), and alice's user id. */
  let users = { alice: '', bob: '', aliceId: 0, outsider: '' };
  beforeAll(async () => {
    ({ app, ...users } = await signedInApp(log, ROLES));
  });
  /** Requests checked against the OpenAPI document, with a bearer token. */
  const as = (token: string) => (target: Express) =>
    Object.fromEntries(Object.entries(anonymous(target)).map(([method, send]) => [method, (path: string) => send(path).set('authorization', `Bearer ${token}`)])) as ReturnType<typeof anonymous>;
  /** Requests as alice (the use-case tests below use it too). */
  const checkedRequest = (target: Express) => as(users.alice)(target);
  const create = async (input: object = buildNewNote()): Promise<{ id: number }> =>
    (await checkedRequest(app).post('/notes').send(bodyOf(input)).expect(201)).body as { id: number };
  /** The item path of a created row: `/notes/:id`. */
  const pathOf = (row: { id: number }): string => `/notes/${row.id}`;

  it('When no token or a bad one is sent, then every route answers 401 AUTH.UNAUTHENTICATED with WWW-Authenticate', async () => {
    const created = await create();
    const requests = [
      anonymous(app).post('/notes').send(bodyOf(buildNewNote())),
      anonymous(app).get('/notes'),
      anonymous(app).get(pathOf(created)),
      anonymous(app).patch(pathOf(created)).send(bodyOf(buildOtherNote())),
      anonymous(app).delete(pathOf(created)),
      as('not.a.token')(app).get('/notes'),
    ];
    for (const request of requests) {
      const res = await request.expect(401);
      expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  describe('POST /notes', () => {
    it('When the body is valid, then 201 with the stored note, owned by the caller', async () => {
      const input = buildNewNote();
      const res = await checkedRequest(app).post('/notes').send(bodyOf(input)).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(bodyOf(input)) as object), authorId: users.aliceId });
    });
    it('When the body sets authorId, then 400 REQUEST.INVALID (the owner comes from the token only)', async () => {
      const res = await checkedRequest(app).post('/notes').send({ ...bodyOf(buildNewNote()), authorId: users.aliceId }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When the body has an unknown field, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).post('/notes').send({ ...bodyOf(buildNewNote()), unknownField: 1 }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /notes', () => {
    it('When notes exist, then 200 with a page of the caller\'s only', async () => {
      const created = await create();
      const theirs = (await as(users.bob)(app).post('/notes').send(bodyOf(buildNewNote())).expect(201)).body as { id: number };
      const res = await checkedRequest(app).get('/notes?limit=100&offset=0').expect(200);
      const ids = res.body.items.map((item: { id: number }) => item.id);
      expect(ids).toContain(created.id);
      expect(ids).not.toContain(theirs.id);
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get('/notes?limit=100000').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /notes/:id', () => {
    it('When the note exists, then 200 with it', async () => {
      const input = buildNewNote();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(bodyOf(input)) as object) });
    });
    it('When another user asks for it, then 403 NOTE.FORBIDDEN', async () => {
      const created = await create();
      const res = await as(users.bob)(app).get(pathOf(created)).expect(403);
      expect(res.body.code).toBe('NOTE.FORBIDDEN');
    });
    it('When no note has the id, then 404 NOTE.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get('/notes/999999').expect(404);
      expect(res.body.code).toBe('NOTE.NOT_FOUND');
    });
  });

  describe('PATCH /notes/:id', () => {
    it('When the patch is valid, then 200 with the changed note', async () => {
      const created = await create();
      const change = bodyOf(buildOtherNote());
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object) });
    });
    it('When another user changes it, then 403 NOTE.FORBIDDEN and it is unchanged', async () => {
      const input = buildNewNote();
      const created = await create(input);
      const res = await as(users.bob)(app).patch(pathOf(created)).send(bodyOf(buildOtherNote())).expect(403);
      expect(res.body.code).toBe('NOTE.FORBIDDEN');
      expect((await checkedRequest(app).get(pathOf(created)).expect(200)).body).toMatchObject(json(bodyOf(input)) as object);
    });
    it('When the patch is empty, then 400 REQUEST.INVALID', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({}).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('DELETE /notes/:id', () => {
    it('When the note exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When another user deletes it, then 403 NOTE.FORBIDDEN and it is still there', async () => {
      const created = await create();
      const res = await as(users.bob)(app).delete(pathOf(created)).expect(403);
      expect(res.body.code).toBe('NOTE.FORBIDDEN');
      await checkedRequest(app).get(pathOf(created)).expect(200);
    });
    it('When the id is negative, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).delete('/notes/-1').expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });
  // scaffold:usecase-route-tests
});
