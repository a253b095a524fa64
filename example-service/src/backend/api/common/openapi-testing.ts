import type { Express } from 'express';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import request from 'supertest';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';

/** The parts of a response the check needs (a supertest response fits). */
export interface CheckedResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  request?: { method?: string; url?: string };
}

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };

/** The JSON media types a documented response may answer: data, and errors as RFC 9457 problem details. */
const JSON_TYPES: ReadonlySet<string> = new Set(['application/json', PROBLEM_CONTENT_TYPE]);

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const compiled = new WeakMap<object, { ajv: Ajv2020; cache: Map<string, ValidateFunction> }>();

function templateMatches(template: string, path: string): boolean {
  const a = template.split('/');
  // Express routing is not strict: `/customers/` is `/customers`.
  const b = (path.length > 1 ? path.replace(/\/$/, '') : path).split('/');
  return a.length === b.length && a.every((part, i) => (part.startsWith('{') ? b[i] !== '' : part === b[i]));
}

/**
 * Asserts that a response matches the OpenAPI document: the operation's schema for its status, or
 * the `default` (error) schema, in the media type it answered (`application/json`, or
 * `application/problem+json` for errors, RFC 9457 §3); an undocumented path or method must answer
 * with the problem details body.
 * Test-only (uses ajv, a dev dependency).
 *
 * @param doc - the OpenAPI 3.1 document (`app.locals.openapi`).
 * @param method - the request method.
 * @param url - the request URL or path (query ignored).
 * @param res - status, body and headers of the response.
 * @throws {Error} naming the schema errors when the response does not match.
 */
export function assertMatchesOpenApi(doc: object, method: string, url: string, res: CheckedResponse): void {
  let entry = compiled.get(doc);
  if (!entry) {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema(doc, 'openapi');
    entry = { ajv, cache: new Map() };
    compiled.set(doc, entry);
  }
  const path = new URL(url, 'http://x').pathname;
  const paths = (doc as Doc).paths;
  // A concrete path wins over a templated one (OpenAPI 3.1, Paths Object, path templating matching):
  // `/posts/feed` before `/posts/{id}`.
  const templated = (t: string): number => t.split('/').filter((part) => part.startsWith('{')).length;
  const template = Object.keys(paths).filter((t) => templateMatches(t, path)).sort((a, b) => templated(a) - templated(b))[0];
  const op = template === undefined ? undefined : paths[template]?.[method.toLowerCase()];
  const responses = op?.responses;
  const key = responses?.[String(res.status)] ? String(res.status) : 'default';
  const pointer = op && template ? `#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${key}` : '#/components/schemas/Error';
  const response = op ? responses?.[key] : { content: { [PROBLEM_CONTENT_TYPE]: { schema: {} } } };
  if (response === undefined) throw new Error(`${method} ${path}: status ${res.status} is not documented`);
  if (res.status === 204 || res.status === 304 || method.toUpperCase() === 'HEAD') return;
  if (!response.content) throw new Error(`${method} ${path}: ${res.status} has a body but documents none`);
  const type = String(res.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const documented = Object.keys(response.content);
  const json = documented.filter((t) => JSON_TYPES.has(t));
  // A non-JSON body (the docs page, a script) is only checked for its documented media type.
  if (json.length === 0 && documented.some((t) => type === t)) return;
  if (!json.includes(type)) throw new Error(`${method} ${path}: ${res.status} answered ${type || 'no content type'}, not ${json.join(' or ') || 'JSON'}`);
  const ref = op ? `openapi${pointer}/content/${type.replace('/', '~1')}/schema` : `openapi${pointer}`;
  let validate = entry.cache.get(ref);
  if (!validate) {
    validate = entry.ajv.compile({ $ref: ref });
    entry.cache.set(ref, validate);
  }
  if (!validate(res.body)) {
    throw new Error(`${method} ${path} → ${res.status} does not match ${pointer}: ${entry.ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 500)}`);
  }
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'head';

/**
 * supertest with every response checked against the app's OpenAPI document.
 *
 * @param app - an app from `createApp` (its document is `app.locals.openapi`).
 * @returns `get/post/put/patch/delete/options/head(path)` returning supertest requests.
 */
export function checkedRequest(app: Express): Record<Method, (path: string) => request.Test> {
  const doc = app.locals.openapi as object;
  const make = (method: Method) => (path: string) =>
    request(app)[method](path).expect((res) => assertMatchesOpenApi(doc, method, path, res as unknown as CheckedResponse));
  return { get: make('get'), post: make('post'), put: make('put'), patch: make('patch'), delete: make('delete'), options: make('options'), head: make('head') };
}
