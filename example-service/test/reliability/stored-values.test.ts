import fc from 'fast-check';
import request from 'supertest';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import * as api from '../../src/backend/api/index.js';
import { assertMatchesOpenApi, checkedRequest, type CheckedResponse } from '../../src/backend/api/common/openapi-testing.js';
import { openTestDatabase, type TestDatabase } from '../../src/backend/db/common/index.js';
import { composeServices } from '../../src/composition-root.js';
import { createRootLogger } from '../../src/logger.js';
import { bodyArb, type BodySchema } from './arbitraries.js';
import { underRealParent } from './nested.js';
import { signIn } from './sign-in.js';
import { logSink } from './support.js';

// P30–P32 on the real database: PGlite in process, or the PostgreSQL server of DATABASE_URL (CI).
// The in-memory adapters accept anything a JavaScript value can hold; these prove the schemas only
// accept what the columns store exactly, whatever module the generator wrote.
const specs = Object.values(api).filter(api.isCrudModuleSpec);
const inputSchema = (schema: z.ZodType): BodySchema =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as BodySchema;
/**
 * What the service promises to store and answer for a body: its parsed value, as JSON, without
 * the module's secret fields (stored as hashes, never answered: the reads below check they stay out).
 */
const asStored = (spec: api.CrudModuleSpec, schema: z.ZodType, body: unknown): Record<string, unknown> => {
  const parsed = JSON.parse(JSON.stringify(schema.parse(body))) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => !(spec.secretFields ?? []).includes(key)));
};
const withoutSecrets = (spec: api.CrudModuleSpec, body: Record<string, unknown>): void => {
  for (const key of spec.secretFields ?? []) expect(body, `${spec.path} answered its secret field ${key}`).not.toHaveProperty(key);
};
const RUNS = Number(process.env.FC_RUNS ?? 60);

describe('P30–P32: what the database stores (PGlite, or PostgreSQL with DATABASE_URL)', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase();
    const log = createRootLogger({ level: 'warn', pretty: false, destination: logSink().stream });
    app = createApp({ services: composeServices(db.prisma, log), log, checkReady: async () => {} });
    if (specs.some((spec) => spec.auth)) bearer = `Bearer ${await signIn(app, db, specs)}`;
  });
  let bearer = '';
  /** Requests checked against the OpenAPI document, signed in when the module needs it. */
  const send = (spec: (typeof specs)[number]) => (method: 'get' | 'post', path: string) => {
    const req = checkedRequest(app)[method](path);
    return spec.auth ? req.set('authorization', bearer) : req;
  };
  afterAll(async () => {
    await db?.close();
  });

  it('P30 When a value cannot be stored exactly (U+0000, a lone surrogate, a year past 9999 in UTC, sub-millisecond digits), then 400 REQUEST.INVALID naming the field', async () => {
    const invoice = { number: 'INV-P25', amount: '1.00', paid: false };
    const refused: [object, string][] = [
      [{ ...invoice, number: 'a\u0000b' }, 'body.number'],
      [{ ...invoice, note: 'line\u0000' }, 'body.note'],
      [{ ...invoice, number: '\ud800' }, 'body.number'],
      [{ ...invoice, note: 'x\udc00y' }, 'body.note'],
      [{ ...invoice, dueAt: '9999-12-31T23:59:59.999-14:00' }, 'body.dueAt'],
      [{ ...invoice, dueAt: '0001-01-01T00:00:00+14:00' }, 'body.dueAt'],
      [{ ...invoice, dueAt: '2026-01-31T12:00:00.1234Z' }, 'body.dueAt'],
    ];
    for (const [body, path] of refused) {
      const res = await checkedRequest(app).post('/invoices').send(body).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
      expect(res.body.errors.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    const kept = await checkedRequest(app).post('/invoices').send({ ...invoice, number: 'INV-\u{1F600}', dueAt: '2026-01-01T01:30:00.120000+01:30' }).expect(201);
    const read = await checkedRequest(app).get(`/invoices/${kept.body.id}`).expect(200);
    expect(read.body).toMatchObject({ number: 'INV-\u{1F600}', dueAt: '2026-01-01T00:00:00.120Z' });
  });

  /** A row's item path: by id, or by the module's route key (`--key`). */
  const itemOf = (base: string, spec: (typeof specs)[number], row: Record<string, unknown>): string =>
    `${base}/${encodeURIComponent(String(row[api.itemParamOf(spec)]))}`;
  for (const spec of specs) {
    it(`P31 When any body goes to ${spec.path} (create, read, update), then never 5xx, and an accepted one reads back exactly as parsed`, async () => {
      // A nested module's rows go under a real parent row (its path's placeholder filled).
      const base = await underRealParent(app, spec, specs, bearer);
      const createSchema = inputSchema(spec.create);
      const doc = app.locals.openapi as object;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(bodyArb(createSchema), bodyArb(createSchema, true), async (body, patch) => {
          const created = await send(spec)('post', base).send(body);
          expect(created.status, JSON.stringify(body)).toBeLessThan(500);
          if (created.status !== 201) return;
          accepted += 1;
          const expected = asStored(spec, spec.create, body);
          const read = await send(spec)('get', itemOf(base, spec, created.body)).expect(200);
          withoutSecrets(spec, read.body);
          for (const [key, value] of Object.entries(expected)) expect(read.body[key], `${key} of ${JSON.stringify(body)}`).toEqual(value);
          const changed = await request(app).patch(itemOf(base, spec, created.body)).set(spec.auth ? { authorization: bearer } : {}).send(patch);
          assertMatchesOpenApi(doc, 'patch', itemOf(base, spec, created.body), changed as unknown as CheckedResponse);
          expect(changed.status, JSON.stringify(patch)).toBeLessThan(500);
          if (changed.status !== 200) return;
          const after = { ...expected, ...asStored(spec, spec.update, patch) };
          const reread = await send(spec)('get', itemOf(base, spec, changed.body)).expect(200);
          withoutSecrets(spec, reread.body);
          for (const [key, value] of Object.entries(after)) expect(reread.body[key], `${key} after ${JSON.stringify(patch)}`).toEqual(value);
        }),
        { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647) },
      );
      // The property says something only if bodies get through: some must be accepted. (A module with
      // many constrained fields, e.g. receipts, accepts ~7–15 % of random bodies: a fixed share flaked.)
      expect(accepted).toBeGreaterThan(0);
    });
  }

  it('P32 When arbitrary JSON is sent to every generated route, then the database never makes it a 5xx', async () => {
    const doc = app.locals.openapi as object;
    const bodies = fc.oneof(fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), ...specs.map((spec) => bodyArb(inputSchema(spec.create))));
    const methods = specs.flatMap((spec) => [
      { method: 'post' as const, path: spec.path.replace(/\{[a-zA-Z]+\}/g, '1'), auth: spec.auth === true },
      { method: 'patch' as const, path: `${spec.path.replace(/\{[a-zA-Z]+\}/g, '1')}/1`, auth: spec.auth === true },
      { method: 'get' as const, path: `${spec.path.replace(/\{[a-zA-Z]+\}/g, '1')}/1`, auth: spec.auth === true },
    ]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), bodies, async (route, body) => {
        let req = request(app)[route.method](route.path).set(route.auth ? { authorization: bearer } : {});
        if (route.method !== 'get') req = req.set('content-type', 'application/json').send(JSON.stringify(body));
        const res = await req;
        expect(res.status, `${route.method} ${route.path} ${JSON.stringify(body)}`).toBeLessThan(500);
        assertMatchesOpenApi(doc, route.method, route.path, res as unknown as CheckedResponse);
      }),
      { numRuns: RUNS * 2, seed: Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647) },
    );
  });
});
