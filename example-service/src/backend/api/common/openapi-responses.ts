import { z } from 'zod';

/**
 * The responses and words of the OpenAPI document that every operation shares: the common error
 * body (RFC 9457 problem details), one response per error status the app's middleware answers (error-mapping.ts,
 * body-guard.ts, rate-limit.ts, authenticate.ts), and summaries in plain English.
 */

type Json = Record<string, unknown>;

/** `security` of an operation that needs a bearer access token (scheme `bearerAuth`). */
export const BEARER_SECURITY = [{ bearerAuth: [] }];

/**
 * The request's wire format (input side of transforms), JSON Schema 2020-12 as OpenAPI 3.1 uses.
 *
 * @pure
 * @param schema - a zod schema.
 * @returns its JSON Schema, without `$schema`.
 */
export function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/**
 * The name of a module's item path parameter: `id`, or its route key's (`--key`), the only key of
 * its `item` params schema.
 *
 * @pure
 * @param spec - a module's `item` path parameters schema (absent: addressed by id).
 * @returns e.g. `id` or `slug`.
 */
export function itemParamOf(spec: { item?: { shape: object } }): string {
  return Object.keys(spec.item?.shape ?? { id: true })[0] ?? 'id';
}

/**
 * The `content` of a JSON request or response body (OpenAPI 3.1 §4.8.14, Media Type Object).
 *
 * @pure
 * @param schema - the body's JSON Schema.
 * @returns `{ content: { 'application/json': { schema } } }`, to spread into the object.
 */
export function jsonContent(schema: Json): Json {
  return { content: { 'application/json': { schema } } };
}

/**
 * A Reference Object to a component schema (OpenAPI 3.1 §4.8.23).
 *
 * @pure
 * @param name - the key under `components.schemas`.
 * @returns `{ $ref: '#/components/schemas/<name>' }`.
 */
export function schemaRef(name: string): Json {
  return { $ref: `#/components/schemas/${name}` };
}

/**
 * The body of every error answer (`ProblemDetails` in problem-details.ts) as JSON Schema: RFC 9457
 * problem details (§3.1 members `type`, `title`, `status`, `detail`) with the extension members
 * (§3.2) `code`, `requestId` and, for 400 `REQUEST.INVALID`, `errors`.
 */
export const ERROR_SCHEMA: Json = {
  type: 'object',
  description: 'RFC 9457 problem details, served as `application/problem+json`',
  additionalProperties: false,
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', const: 'about:blank', description: 'The problem type (RFC 9457 §3.1.1); always `about:blank`: the status says it all' },
    title: { type: 'string', description: 'The HTTP status phrase, e.g. `Not Found` (RFC 9457 §4.2.1)' },
    status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status code of the answer (RFC 9457 §3.1.3)' },
    detail: { type: 'string', description: 'A sentence safe to show; not stable (RFC 9457 §3.1.4)' },
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)+$|^INTERNAL$', description: 'Stable code, `<SCOPE>.<KIND>` (an extension member, RFC 9457 §3.2): match on this' },
    requestId: { type: 'string', description: 'The request id, also in the `X-Request-Id` header' },
    errors: {
      type: 'array',
      description: 'With 400 REQUEST.INVALID: one entry per problem, by location (`body.amount`, `query.limit`, `params.id`)',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/**
 * The `content` of an error response: the problem details media type (RFC 9457 §3) with its schema
 * (OpenAPI 3.1 §4.8.14, Media Type Object).
 *
 * @pure
 * @param schema - the body's JSON Schema.
 * @returns `{ content: { 'application/problem+json': { schema } } }`, to spread into the object.
 */
export function problemContent(schema: Json): Json {
  return { content: { 'application/problem+json': { schema } } };
}

/**
 * An error response with the common problem details body (`application/problem+json`).
 *
 * @pure
 * @param description - the codes it carries and when.
 * @param headers - response headers it sets (OpenAPI 3.1 §4.8.21, Header Object).
 * @returns the Response Object.
 */
export function errorResponse(description: string, headers?: Json): Json {
  return { description, ...(headers ? { headers } : {}), ...problemContent(schemaRef('Error')) };
}

const header = (description: string): Json => ({ description, schema: { type: 'string' } });

/** 401 of a route behind `requireActor`, with the RFC 6750 §3 challenge. */
export const UNAUTHENTICATED_RESPONSE = errorResponse('AUTH.UNAUTHENTICATED: no bearer token, a malformed one, or one that fails verification', {
  'WWW-Authenticate': header('The bearer challenge (RFC 6750 §3)'),
});

/** 429 of the per-IP limiter, with the IETF `RateLimit` headers (draft 8) and `Retry-After` (RFC 9110 §10.2.3). */
export const RATE_LIMITED_RESPONSE = errorResponse('REQUEST.RATE_LIMITED: too many requests from this client; retry later', {
  RateLimit: header('Remaining quota of the current window'),
  'RateLimit-Policy': header('The limit and window of the policy'),
  'Retry-After': header('Seconds until the window resets'),
});

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Fills in what every operation of the app can answer, keeping what the operation already says:
 * `security: []` when it needs no token (OpenAPI 3.1 §4.8.10, an empty list removes any
 * requirement), 401 when it needs one, 400 (the JSON parser runs for every method, the schemas for
 * the parts the route reads), 413 (JSON parser limit), 415 on body methods (body guard), 429
 * unless the rate limiter skips the path, and `default` for 500 `INTERNAL` / 503 `*.UNAVAILABLE`.
 *
 * @param op - the Operation Object; changed in place.
 * @param method - its method, lower case.
 * @param limited - whether the rate limiter counts its path.
 */
export function completeOperation(op: Json, method: string, limited: boolean): void {
  const security = op.security as unknown[] | undefined;
  if (security === undefined) op.security = [];
  const reads = op.requestBody !== undefined || (Array.isArray(op.parameters) && op.parameters.length > 0);
  const add: Json = {
    400: errorResponse(reads
      ? 'REQUEST.INVALID: the request does not match its schema (`errors` lists each problem); REQUEST.MALFORMED_JSON: the body is not JSON'
      : 'REQUEST.MALFORMED_JSON: a JSON body was sent and does not parse'),
    ...(security?.length ? { 401: UNAUTHENTICATED_RESPONSE } : {}),
    413: errorResponse('REQUEST.TOO_LARGE: the JSON body is over the limit'),
    ...(BODY_METHODS.has(method) ? { 415: errorResponse('REQUEST.UNSUPPORTED_MEDIA_TYPE: a body that is not JSON; REQUEST.UNSUPPORTED_ENCODING: an unsupported encoding or charset') } : {}),
    ...(limited ? { 429: RATE_LIMITED_RESPONSE } : {}),
    default: errorResponse('Unexpected error: 500 INTERNAL (nothing of the cause is shown), 503 DB.UNAVAILABLE (retry later)'),
  };
  op.responses = { ...add, ...(op.responses as Json) };
}

/**
 * The words of a name, for summaries: `lineItems` → `line items`, `LINE_ITEM` → `line item`,
 * `mark-paid` → `mark paid`.
 *
 * @pure
 * @param name - a camelCase, kebab-case or UPPER_SNAKE name.
 * @returns its words, lower case, one space apart.
 */
export function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
}

/**
 * A noun with its indefinite article by its first sound, as far as spelling tells it: `an invoice`,
 * `a user`, `an hour`, `a one-off`.
 *
 * @pure
 * @param noun - a singular noun, lower case.
 * @returns the noun after `a` or `an`.
 */
export function withArticle(noun: string): string {
  const vowelSound = /^(?:[aio]|e(?!u|we)|u(?!n[aeiou]|s[aeiou]|r[aeiou]|t[aeiou]|k|ni)|h(?:our|onest|onou?r|eir))/.test(noun) && !/^one\b/.test(noun);
  return `${vowelSound ? 'an' : 'a'} ${noun}`;
}

/**
 * The schema of one page of a module's list: `items`, `limit`, `offset`, and, for a filtered list
 * (`--filters`), `total`, the rows meeting the filters over all pages. Under the service's wire
 * envelope the rows are under `<list>` and the total is `<list>Count`.
 *
 * @param name - the entity's component schema name, e.g. `Invoices`.
 * @param counted - whether the page carries the total.
 * @param list - the envelope's list key (e.g. `invoices`), when the service has one.
 * @returns the JSON Schema object.
 */
export function pageSchema(name: string, counted: boolean, list?: string): Record<string, unknown> {
  const integer = { type: 'integer' };
  const [items, total] = list === undefined ? ['items', 'total'] : [list, `${list}Count`];
  return {
    type: 'object',
    additionalProperties: false,
    required: [items, 'limit', 'offset', ...(counted ? [total] : [])],
    properties: { [items]: { type: 'array', items: schemaRef(name) }, limit: integer, offset: integer, ...(counted ? { [total]: integer } : {}) },
  };
}

/**
 * The schema of one row as answered: the entity itself, or `{ "<item>": entity }` under the
 * service's wire envelope.
 *
 * @param name - the entity's component schema name.
 * @param item - the envelope's item key (e.g. `invoice`), when the service has one.
 * @returns a reference or an object schema.
 */
export function itemSchema(name: string, item?: string): Json {
  if (item === undefined) return schemaRef(name);
  return { type: 'object', additionalProperties: false, required: [item], properties: { [item]: schemaRef(name) } };
}
