import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/backend/api/index.js';
import { assertMatchesOpenApi, checkedRequest, type CheckedResponse } from '../../src/backend/api/common/openapi-testing.js';
import { readFileSync } from 'node:fs';
import { appWithSink, PROBLEM_TYPE, problemShape, SERVICE_DIR } from './support.js';

const specs = Object.values(api).filter(api.isCrudModuleSpec);
/** A module's item path in the document: `{id}`, or its route key's `{<key>}` (`--key`). */
const itemPathOf = (spec: api.CrudModuleSpec): string => `${spec.path}/{${api.itemParamOf(spec)}}`;

describe('P21: OpenAPI 3.1 from the zod schemas', () => {
  it('When /openapi.json is fetched, then it is an OpenAPI 3.1 document with every CRUD operation of every module in scaffold.json', async () => {
    const { app } = appWithSink();
    const res = await checkedRequest(app).get('/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const modules = (JSON.parse(readFileSync(`${SERVICE_DIR}scaffold.json`, 'utf8')) as { modules: Array<{ name: string }> }).modules;
    expect(specs.map((spec) => spec.tag).sort()).toEqual(modules.map((m) => m.name).sort());
    for (const spec of specs) {
      expect(Object.keys(res.body.paths[spec.path])).toEqual(['post', 'get']);
      expect(Object.keys(res.body.paths[itemPathOf(spec)])).toEqual(['get', 'patch', 'delete']);
      expect(res.body.paths[spec.path].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    }
    const docs = await checkedRequest(app).get('/docs').expect(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.text).toContain('/openapi.json');
  });

  it('When a response breaks the document, then the response check fails (the check is real)', () => {
    const { app } = appWithSink();
    const doc = app.locals.openapi as object;
    const headers = { 'content-type': 'application/json; charset=utf-8' };
    const bad = (res: CheckedResponse, method = 'get', path = '/customers/1') => () => assertMatchesOpenApi(doc, method, path, res);
    expect(bad({ status: 200, headers, body: { id: 1, name: 'A' } })).toThrow(/does not match/);
    expect(bad({ status: 200, headers, body: { items: [], limit: 1, offset: 0, extra: 1 } }, 'get', '/customers')).toThrow(/does not match/);
    const problem = { 'content-type': 'application/problem+json; charset=utf-8' };
    expect(bad({ status: 500, headers: problem, body: { message: 'stack…' } })).toThrow(/does not match/);
    // An error is RFC 9457 problem details: the old `{ error: … }` body, or plain JSON, is refused.
    expect(bad({ status: 404, headers: problem, body: { error: { code: 'CUSTOMER.NOT_FOUND', message: 'x' } } })).toThrow(/does not match/);
    const found = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'x', code: 'CUSTOMER.NOT_FOUND' };
    expect(bad({ status: 404, headers, body: found })).toThrow(/answered application\/json, not application\/problem\+json/);
    expect(bad({ status: 404, headers: problem, body: found })).not.toThrow();
    expect(bad({ status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>' }, 'get', '/nope')).toThrow(/not application\/problem\+json/);
  });
});

/** Every route of every generated module, with `{id}` (or the route key, and a nested module's parent key) still to fill. */
const routes = specs.flatMap((spec) => [
  { method: 'post' as const, path: spec.path },
  { method: 'get' as const, path: spec.path },
  { method: 'get' as const, path: itemPathOf(spec) },
  { method: 'patch' as const, path: itemPathOf(spec) },
  { method: 'delete' as const, path: itemPathOf(spec) },
]).concat(Object.values(api).filter((value) => api.isApiSpec(value) && !api.isCrudModuleSpec(value)).flatMap((spec) =>
  // Hand-described operations (the auth module's `/auth/*`), when the service has them.
  Object.entries((spec as { paths: Record<string, object> }).paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({ method: method as 'post' | 'get', path }))),
));

/** Every query parameter a list route of the service takes. */
const listParameters = [...new Set(specs.flatMap((spec) => Object.keys(spec.list.shape)))];
const idSegment = fc.oneof(fc.integer({ min: -5, max: 5 }).map(String), fc.string({ maxLength: 30 }), fc.constantFrom('1e999', '99999999999999999999', '0x1', '1.5', '%00', '..', '%2F'));
const queryString = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom('100000', '-1', '1e999', 'NaN')), { maxKeys: 4 })
    .map((dict) => new URLSearchParams(dict).toString()),
  fc.constantFrom('limit[x]=1', 'limit=1&limit=2', '__proto__[x]=1', 'offset=%ff', 'a=%E0%A4%A'),
  // The list routes' own parameters (`--filters`: `total[gte]`, `title[contains]`, `sort`) with arbitrary values.
  fc.dictionary(fc.constantFrom(...listParameters), fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constantFrom('%', '_', '\\', '-id', 'id,-id', 'true', '2026-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1e999', '12.50', '-9223372036854775809')), { maxKeys: 4 })
    .map((dict) => new URLSearchParams(dict).toString()),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{"__proto__":{"x":1}}', '{', '[]', 'null', '"x"', '{"name":"a","email":"b","paid":true,"amount":"1.00","number":"N"}'),
);

describe('P22: any body, path and query sent to any generated route', () => {
  it('When fast-check sends arbitrary JSON, paths and queries, then never 5xx and every error is in our format, RFC 9457 problem details (and matches the document)', async () => {
    const { app, services } = appWithSink();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(services)).toEqual(expect.arrayContaining(specs.map((spec) => spec.tag)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), idSegment, queryString, body, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'), async (route, id, query, payload, type) => {
        const path = `${route.path.replace(/\{[a-zA-Z]+\}/g, encodeURIComponent(id))}${query ? `?${query}` : ''}`;
        let req = request(app)[route.method](path);
        if (route.method === 'post' || route.method === 'patch') req = req.set('content-type', type).send(payload);
        const res = await req;
        expect(res.status, `${route.method} ${path} ${payload}`).toBeLessThan(500);
        if (res.status >= 400) {
          // Our format: RFC 9457 problem details, and nothing else (no stack, no internals).
          expect(res.headers['content-type'], `${route.method} ${path}`).toMatch(PROBLEM_TYPE);
          expect(res.body.code).toMatch(/^[A-Z_]+\.[A-Z_.]+$/);
          expect(res.body).toEqual(problemShape(res.status, res.body.code as string));
        }
        assertMatchesOpenApi(app.locals.openapi as object, route.method, path, res as unknown as CheckedResponse);
      }),
      { numRuns: 400, seed: Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647) },
    );
  });
});
