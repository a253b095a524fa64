import fc from 'fast-check';
import request from 'supertest';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import * as api from '../../src/backend/api/index.js';
import { assertMatchesOpenApi, type CheckedResponse } from '../../src/backend/api/common/openapi-testing.js';
import { openTestDatabase, type TestDatabase } from '../../src/backend/db/common/index.js';
import { composeServices } from '../../src/composition-root.js';
import { createRootLogger } from '../../src/logger.js';
import { bodyArb, valueArb, type BodySchema } from './arbitraries.js';
import { underRealParent } from './nested.js';
import { signIn } from './sign-in.js';
import { logSink } from './support.js';

// P33 on the real database (PGlite, or the PostgreSQL server of DATABASE_URL): a filtered list
// (`--filters`) turns any query it accepts into SQL that PostgreSQL runs, whatever the values —
// LIKE wildcards, bounds at the ends of a type's range, every sort — and refuses the rest with a 4xx.
const specs = Object.values(api).filter(api.isCrudModuleSpec);
const filtered = specs.filter((spec) => 'sort' in spec.list.shape);
const RUNS = Number(process.env.FC_RUNS ?? 60);
const jsonSchemaOf = (schema: z.ZodType): BodySchema =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as BodySchema;

/**
 * Queries of one list route: a few of its own parameters with values drawn from their schemas
 * (sometimes noise), and mostly a sort over its fields.
 */
function queryArb(spec: api.CrudModuleSpec): fc.Arbitrary<string> {
  const params = Object.entries(spec.list.shape).filter(([key]) => key !== 'sort');
  const sortable = params.map(([key]) => key).filter((key) => !key.includes('[') && key !== 'limit' && key !== 'offset');
  const sort = fc.uniqueArray(fc.tuple(fc.constantFrom(...sortable), fc.boolean()), { minLength: 1, maxLength: 4, selector: ([key]) => key })
    .map((keys) => keys.map(([key, down]) => `${down ? '-' : ''}${key}`).join(','));
  const noise = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('%', '_', '\\', '%_%', '-1', '1e999', '9223372036854775808', '0001-01-01T00:00:00Z', 'true'));
  const value = (schema: z.ZodType): fc.Arbitrary<string> =>
    fc.oneof({ weight: 5, arbitrary: valueArb(jsonSchemaOf(schema)).map(String) }, { weight: 1, arbitrary: noise });
  const filters = fc
    .uniqueArray(fc.constantFrom(...params), { maxLength: 3, selector: ([key]) => key })
    .chain((picked) => fc.tuple(...picked.map(([key, schema]) => value(schema).map((v): [string, string] => [key, v]))));
  return fc
    .tuple(filters, fc.option(fc.oneof({ weight: 5, arbitrary: sort }, { weight: 1, arbitrary: noise }), { freq: 4 }))
    .map(([pairs, order]) => new URLSearchParams([...pairs, ...(order === null ? [] : [['sort', order] as [string, string]])]).toString());
}

describe.runIf(filtered.length > 0)('P33: any query to a filtered list on the real database', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let bearer = '';
  /** Each list's path: a nested module's under a real parent row. */
  const bases = new Map<api.CrudModuleSpec, string>();
  beforeAll(async () => {
    db = await openTestDatabase();
    const log = createRootLogger({ level: 'warn', pretty: false, destination: logSink().stream });
    app = createApp({ services: composeServices(db.prisma, log), log, checkReady: async () => {} });
    if (specs.some((spec) => spec.auth)) bearer = `Bearer ${await signIn(app, db, specs)}`;
    // A few rows to filter, from random bodies the module accepts (a ref to no row is refused: fine).
    for (const spec of filtered) {
      const base = await underRealParent(app, spec, specs, bearer);
      bases.set(spec, base);
      for (const body of fc.sample(bodyArb(jsonSchemaOf(spec.create)), 20)) {
        await request(app).post(base).set(spec.auth ? { authorization: bearer } : {}).send(body);
      }
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  for (const spec of filtered) {
    it(`P33 When any query goes to GET ${spec.path}, then never 5xx, the answer matches the document, and a page is no longer than its limit or its total`, async () => {
      const doc = app.locals.openapi as object;
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(queryArb(spec), async (query) => {
          const path = `${bases.get(spec) ?? spec.path}?${query}`;
          const res = await request(app).get(path).set(spec.auth ? { authorization: bearer } : {});
          expect(res.status, path).toBeLessThan(500);
          assertMatchesOpenApi(doc, 'get', path, res as unknown as CheckedResponse);
          if (res.status !== 200) return;
          answered += 1;
          // The rows and the total under the service's wire envelope, if it has one.
          const [rows, total] = spec.envelope ? [spec.envelope.list, `${spec.envelope.list}Count`] : ['items', 'total'];
          const page = res.body as Record<string, unknown> & { limit: number };
          expect((page[rows] as unknown[]).length, path).toBeLessThanOrEqual(Math.min(page.limit, page[total] as number));
        }),
        { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647) },
      );
      expect(answered).toBeGreaterThan(0);
    });
  }
});
