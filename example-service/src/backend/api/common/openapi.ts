import { z } from 'zod';
import { modulePaths } from './openapi-module.js';
import { completeOperation, ERROR_SCHEMA, errorResponse, jsonContent as json, words } from './openapi-responses.js';
import type { NestedParentSpec } from './openapi-nested.js';
import { RATE_LIMIT_EXEMPT_PATHS } from './rate-limit.js';

const CRUD_SPEC = Symbol.for('scaffold.crudModuleSpec');

/** What the OpenAPI document (and the route-wide property test) knows about one CRUD module. */
export interface CrudModuleSpec {
  readonly [CRUD_SPEC]: true;
  /** Mount path, e.g. `/invoices`. */
  path: string;
  /** Module name, used as the OpenAPI tag. */
  tag: string;
  /** Error code scope, e.g. `INVOICE`. */
  scope: string;
  /** Body of `POST <path>`. */
  create: z.ZodType;
  /** Body of `PATCH <path>/{id}`. */
  update: z.ZodType;
  /** Query of `GET <path>` (the page query, maybe with filters). */
  list: z.ZodObject;
  /**
   * Path parameters of the item routes when they are addressed by a unique field (`--key`), e.g.
   * `{ slug }`: `<path>/{slug}`; absent: `<path>/{id}`, a positive integer.
   */
  item?: z.ZodObject;
  /**
   * Use case routes (added by `npx plop usecase`): a plain name is `POST <path>/{id}/<name>`
   * answering the entity; an {@link ActionSpec} gives any other shape.
   */
  actions?: (string | ActionSpec)[];
  /** Every route requires a bearer token (`--auth`): documented with `security` and a 401. */
  auth?: boolean;
  /** `--auth=<role>`: every route also needs this role, documented with a 403 `<SCOPE>.FORBIDDEN`. */
  role?: string;
  /** Owner field set from the token (`<name>Id`, an integer): part of every answer, never of a body. */
  ownerField?: string;
  /** Secret fields: accepted in bodies, never answered, so left out of the entity schema. */
  secretFields?: string[];
  parent?: NestedParentSpec;
  /**
   * The service's wire envelope (`npx plop service <name> --envelope`, recorded in scaffold.json
   * as `"wire": { "envelope": true }`): an item answers `{ "<item>": {…} }` and a page
   * `{ "<list>": […], "<list>Count": n, "limit", "offset" }` (the count on a filtered list only).
   * Absent: the row itself and `{ items, limit, offset, total? }`.
   */
  envelope?: { item: string; list: string };
}

/** A use case route of any shape. */
export interface ActionSpec {
  /** URL segment, e.g. `mark-paid`. */
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** `item`: `<path>/{id}/<name>` (or the route key's `{<key>}`); `collection`: `<path>/<name>`. */
  scope: 'item' | 'collection';
  /** Strict JSON body, when it takes one. */
  body?: z.ZodType;
  /** Strict query (an object schema), when it reads one. */
  query?: z.ZodObject;
  /** `entity`: 200 with the row; `list`: 200 with a page; `none`: 204. */
  returns: 'entity' | 'list' | 'none';
  /** `--auth=<role>` of the use case: its route also needs this role (403 `<SCOPE>.FORBIDDEN`). */
  role?: string;
}

const API_PATHS = Symbol.for('scaffold.apiPathsSpec');

/** Hand-described operations (e.g. the auth module's `/auth/*`), merged into the document as given. */
export interface ApiPathsSpec {
  readonly [API_PATHS]: true;
  /** OpenAPI path items by path. */
  paths: Record<string, unknown>;
  /** Component schemas the paths refer to (`#/components/schemas/<name>`). */
  schemas: Record<string, unknown>;
}

/**
 * Declares operations that are not CRUD (the app collects every exported spec, like
 * {@link defineCrudModule}).
 *
 * @param spec - OpenAPI path items and component schemas.
 * @returns the branded spec.
 */
export function defineApiPaths(spec: Omit<ApiPathsSpec, typeof API_PATHS>): ApiPathsSpec {
  return { ...spec, [API_PATHS]: true };
}

/**
 * @param value - any exported value.
 * @returns whether it is a {@link CrudModuleSpec} or an {@link ApiPathsSpec}.
 */
export function isApiSpec(value: unknown): value is CrudModuleSpec | ApiPathsSpec {
  return isCrudModuleSpec(value) || (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[API_PATHS] === true);
}

/**
 * Declares a generated module's CRUD routes for the OpenAPI document; the schemas file of each
 * module exports one, and the app collects every exported spec, so a new module is documented
 * (and property-tested) with no registration.
 *
 * @param spec - path, tag, scope and the create/update body schemas.
 * @returns the branded spec.
 */
export function defineCrudModule(spec: Omit<CrudModuleSpec, typeof CRUD_SPEC>): CrudModuleSpec {
  return { ...spec, [CRUD_SPEC]: true };
}

/**
 * @param value - any exported value.
 * @returns whether it is a {@link CrudModuleSpec}.
 */
export function isCrudModuleSpec(value: unknown): value is CrudModuleSpec {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CRUD_SPEC] === true;
}

type Json = Record<string, unknown>;

/** What the document says about the API as a whole (OpenAPI 3.1 §4.8.2, Info Object). */
export interface ApiInfo {
  title: string;
  version: string;
}

/**
 * Builds the OpenAPI 3.1 document of the service from the modules' zod schemas (zod's own
 * `z.toJSONSchema`, draft 2020-12, the dialect OpenAPI 3.1 uses). Every operation has a summary
 * and documents its success response, every 4xx the app can answer for it (see
 * {@link completeOperation}) and a `default` for 500/503, each with the common `Error` body; the
 * document declares a relative server, a licence and a description of every tag, so Redocly's
 * `recommended` lint passes and client generators (openapi-typescript) can type every answer.
 *
 * @param specs - the CRUD modules and hand-described operations to document.
 * @param info - title and version of the API.
 * @returns the document, ready to serve as JSON.
 */
export function buildOpenApiDocument(specs: (CrudModuleSpec | ApiPathsSpec)[], info: ApiInfo = { title: 'example-service', version: '0.1.0' }): Json {
  const schemas: Json = { Error: ERROR_SCHEMA };
  const status = (description: string, value: string): Json => ({
    description,
    ...json({ type: 'object', additionalProperties: false, required: ['status'], properties: { status: { const: value } } }),
  });
  const paths: Json = {
    '/healthz': { get: { summary: 'Check that the process is alive', operationId: 'health', responses: { 200: status('Alive', 'ok') } } },
    '/readyz': {
      get: {
        summary: 'Check that the service can serve (database reachable, not shutting down)',
        operationId: 'ready',
        responses: { 200: status('Ready', 'ready'), 503: errorResponse('SERVICE.UNAVAILABLE: the database is not reachable or the service is shutting down') },
      },
    },
    '/docs': { get: { summary: 'Show this document in Swagger UI', operationId: 'docs', responses: { 200: { description: 'Swagger UI over this document', content: { 'text/html': { schema: { type: 'string' } } } } } } },
    '/openapi.json': { get: { summary: 'Get this OpenAPI document', operationId: 'openapi', responses: { 200: { description: 'This document', ...json({ type: 'object' }) } } } },
  };
  const tags = new Map<string, string>();
  for (const spec of specs) {
    if (isCrudModuleSpec(spec)) {
      Object.assign(paths, modulePaths(spec, schemas));
      tags.set(spec.tag, `Create, list, get, update and delete ${words(spec.tag)} under ${spec.path}${spec.actions?.length ? ', and their use cases' : ''}`);
    } else {
      Object.assign(paths, spec.paths);
      Object.assign(schemas, spec.schemas);
    }
  }
  for (const [path, item] of Object.entries(paths) as [string, Record<string, Json>][]) {
    for (const [method, op] of Object.entries(item)) {
      completeOperation(op, method, !RATE_LIMIT_EXEMPT_PATHS.has(path));
      for (const tag of (op.tags as string[] | undefined) ?? []) if (!tags.has(tag)) tags.set(tag, `Operations of the ${tag} module`);
    }
  }
  const secured = specs.some((s) => !isCrudModuleSpec(s) || s.auth === true);
  // RFC 6750 bearer tokens; the auth module issues them as JWTs.
  const securitySchemes = secured ? { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } } : {};
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description: `The HTTP API of ${info.title}. Every error answers RFC 9457 problem details (\`application/problem+json\`, the \`Error\` schema) with a stable \`code\` (\`<SCOPE>.<KIND>\`); a 400 REQUEST.INVALID lists each problem in \`errors\`.`,
      // Private code: no licence is granted (npm's `UNLICENSED`); OpenAPI 3.1 §4.8.4 wants an SPDX
      // expression as `identifier`, and SPDX writes a licence of its own as `LicenseRef-<name>`.
      license: { name: 'UNLICENSED', identifier: 'LicenseRef-UNLICENSED' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    // Relative to the URL the document was loaded from (OpenAPI 3.1 §4.8.5): the service itself.
    servers: [{ url: '/', description: 'This service' }],
    tags: [...tags].map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas, ...securitySchemes },
  };
}
