import { describe, expect, it } from 'vitest';
import { checkedRequest } from '../../src/backend/api/common/openapi-testing.js';
import { appWithSink, PROBLEM_TYPE, problemShape } from './support.js';

const validCustomer = { name: 'Ada', email: 'ada@example.com' };
/** Asserts our one error format: RFC 9457 problem details as `application/problem+json`. */
const expectProblem = (res: { status: number; headers: Record<string, string>; body: unknown }, code: string): void => {
  expect(res.headers['content-type']).toMatch(PROBLEM_TYPE);
  expect(res.body).toEqual(problemShape(res.status, code));
};

describe('P1–P8, P14: bad input and errors answer 4xx/5xx in our error format (RFC 9457 problem details)', () => {
  it('P1 When the JSON body is malformed, then 400 REQUEST.MALFORMED_JSON', async () => {
    const { app } = appWithSink();
    const res = await checkedRequest(app).post('/customers').set('content-type', 'application/json').send('{"name": "Ada",').expect(400);
    expectProblem(res, 'REQUEST.MALFORMED_JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/Unexpected|SyntaxError|position/);
  });

  it('P2 When the body is over the limit, then 413 REQUEST.TOO_LARGE; strings and pages are bounded by the schemas', async () => {
    const { app } = appWithSink();
    const huge = JSON.stringify({ ...validCustomer, notes: 'x'.repeat(200_000) });
    const res = await checkedRequest(app).post('/customers').set('content-type', 'application/json').send(huge).expect(413);
    expectProblem(res, 'REQUEST.TOO_LARGE');
    const long = await checkedRequest(app).post('/customers').send({ ...validCustomer, name: 'x'.repeat(256) }).expect(400);
    expect(long.body.errors[0].path).toBe('body.name');
    const note = await checkedRequest(app).post('/customers').send({ ...validCustomer, notes: 'x'.repeat(10_001) }).expect(400);
    expect(note.body.errors[0].path).toBe('body.notes');
    const doc = app.locals.openapi as object;
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, unknown>;
      // An enum is bounded by its values; a date-time or patterned string by its format.
      if (schema.type === 'string' && schema.enum === undefined && schema.format !== 'date-time' && schema.pattern === undefined) expect(schema.maxLength, JSON.stringify(schema)).toBeTypeOf('number');
      if (schema.type === 'array' && schema.items && !('$ref' in (schema.items as object))) expect(schema.maxItems).toBeTypeOf('number');
      for (const value of Object.values(schema)) walk(value);
    };
    const ops = Object.values((doc as unknown as { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: unknown }>> }).paths).flatMap(Object.values);
    expect(ops.filter((op) => op.requestBody).length).toBeGreaterThanOrEqual(4);
    for (const op of ops) walk([op.requestBody, op.parameters]);
  });

  it('P3 When a body route gets a non-JSON content type, then 415 REQUEST.UNSUPPORTED_MEDIA_TYPE', async () => {
    const { app } = appWithSink();
    for (const [type, body] of [['text/plain', 'name=Ada'], ['application/x-www-form-urlencoded', 'name=Ada&email=a%40b.c'], ['application/xml', '<a/>']]) {
      const res = await checkedRequest(app).post('/customers').set('content-type', type as string).send(body as string).expect(415);
      expectProblem(res, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    }
    const patch = await checkedRequest(app).patch('/customers/1').set('content-type', 'text/plain').send('x').expect(415);
    expect(patch.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('P4 When the body has unknown fields or __proto__/constructor keys, then 400 and nothing is polluted', async () => {
    const { app } = appWithSink();
    for (const extra of ['"isAdmin":true', '"__proto__":{"polluted":true}', '"constructor":{"prototype":{"polluted":true}}']) {
      const body = `{"name":"Ada","email":"ada@example.com",${extra}}`;
      const res = await checkedRequest(app).post('/customers').set('content-type', 'application/json').send(body).expect(400);
      expectProblem(res, 'REQUEST.INVALID');
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each(['abc', '-1', '0', '1e999', '1.5', '99999999999999999999', '2147483648', '%20', '0x10'])(
    'P5 When the id is %s, then 400 REQUEST.INVALID, never 500',
    async (id) => {
      const { app } = appWithSink();
      for (const method of ['get', 'patch', 'delete'] as const) {
        const res = await checkedRequest(app)[method](`/invoices/${id}`).send(method === 'patch' ? { paid: true } : undefined).expect(400);
        expect(res.body.code).toBe('REQUEST.INVALID');
      }
    },
  );

  it.each(['limit=abc', 'limit=-1', 'limit=1e999', 'offset=99999999999999', 'limit=1&limit=2', 'id[x]=1', 'limit[$gt]=1', 'unknown=1', 'offset=1.5'])(
    'P5 When the query is ?%s, then 400 REQUEST.INVALID',
    async (query) => {
      const { app } = appWithSink();
      const res = await checkedRequest(app).get(`/customers?${query}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    },
  );

  it('P6 When a row is missing, then 404 <SCOPE>.NOT_FOUND with no storage detail', async () => {
    const { app } = appWithSink();
    const res = await checkedRequest(app).patch('/invoices/424242').send({ paid: true }).expect(404);
    expectProblem(res, 'INVOICE.NOT_FOUND');
    expect(res.body).toMatchObject({ title: 'Not Found', status: 404 });
    expect(JSON.stringify(res.body)).not.toMatch(/prisma|P2025|meta/i);
  });

  it('P7 When the route is unknown, then a problem details 404 ROUTE.NOT_FOUND (any method)', async () => {
    const { app } = appWithSink();
    for (const method of ['get', 'post', 'put', 'delete'] as const) {
      const res = await checkedRequest(app)[method]('/nope/deeper').expect(404);
      expectProblem(res, 'ROUTE.NOT_FOUND');
    }
  });

  it.each(['development', 'production'])('P8 When a handler fails unexpectedly (NODE_ENV=%s), then 500 INTERNAL with a generic body', async (env) => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = env;
    try {
      const { app, services } = appWithSink();
      services.invoices.get = async () => {
        throw new Error('SELECT secret FROM users; password=hunter2');
      };
      const res = await checkedRequest(app).get('/invoices/1').expect(500);
      expect(res.headers['content-type']).toMatch(PROBLEM_TYPE);
      expect(res.body).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Internal server error', code: 'INTERNAL', requestId: expect.any(String) });
      expect(res.text).not.toMatch(/hunter2|SELECT|at .*\.ts|stack/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it('P14 When ?limit is over the cap, then 400; a valid page is capped at 100', async () => {
    const { app } = appWithSink();
    const res = await checkedRequest(app).get('/customers?limit=100000').expect(400);
    expect(res.body.errors[0].path).toBe('query.limit');
    await checkedRequest(app).get('/customers?limit=101').expect(400);
    const page = await checkedRequest(app).get('/customers?limit=100').expect(200);
    expect(page.body).toMatchObject({ limit: 100, offset: 0, items: [] });
    const defaults = await checkedRequest(app).get('/customers').expect(200);
    expect(defaults.body.limit).toBe(20);
  });
});
