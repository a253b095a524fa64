import { z } from 'zod';

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
  /** Use case routes `POST <path>/{id}/<action>` answering the entity (added by `npx plop usecase`). */
  actions?: string[];
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

/** The request's wire format (input side of transforms), JSON Schema 2020-12 as OpenAPI 3.1 uses. */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

const errorBody: Json = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)+$|^INTERNAL$' },
        message: { type: 'string' },
        requestId: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

const json = (schema: Json): Json => ({ content: { 'application/json': { schema } } });
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const errors = { default: { description: 'Error (4xx/5xx), stable code', ...json(ref('Error')) } };

/** An entity as returned: the create body's fields plus `id`, `createdAt`, `updatedAt`. */
function entitySchema(create: z.ZodType): Json {
  const body = jsonSchema(create) as { properties?: Json; required?: string[] };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', ...(body.required ?? []), 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'integer', minimum: 1 },
      ...body.properties,
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  };
}

function modulePaths(spec: CrudModuleSpec, schemas: Json): Json {
  const name = spec.tag.charAt(0).toUpperCase() + spec.tag.slice(1);
  schemas[name] = entitySchema(spec.create);
  schemas[`${name}Page`] = {
    type: 'object',
    additionalProperties: false,
    required: ['items', 'limit', 'offset'],
    properties: { items: { type: 'array', items: ref(name) }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  };
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } };
  const pageParams = Object.entries(spec.list.shape).map(([key, schema]) => ({ name: key, in: 'query', required: false, schema: jsonSchema(schema) }));
  const tags = [spec.tag];
  return {
    [spec.path]: {
      post: { tags, operationId: `create${name}`, requestBody: { required: true, ...json(jsonSchema(spec.create)) }, responses: { 201: { description: 'Created', ...json(ref(name)) }, ...errors } },
      get: { tags, operationId: `list${name}`, parameters: pageParams, responses: { 200: { description: 'A page', ...json(ref(`${name}Page`)) }, ...errors } },
    },
    [`${spec.path}/{id}`]: {
      get: { tags, operationId: `get${name}`, parameters: [idParam], responses: { 200: { description: 'Found', ...json(ref(name)) }, ...errors } },
      patch: { tags, operationId: `update${name}`, parameters: [idParam], requestBody: { required: true, ...json(jsonSchema(spec.update)) }, responses: { 200: { description: 'Changed', ...json(ref(name)) }, ...errors } },
      delete: { tags, operationId: `remove${name}`, parameters: [idParam], responses: { 204: { description: 'Removed' }, ...errors } },
    },
    ...Object.fromEntries((spec.actions ?? []).map((action) => [
      `${spec.path}/{id}/${action}`,
      { post: { tags, operationId: `${spec.tag}.${action}`, parameters: [idParam], responses: { 200: { description: 'After the use case', ...json(ref(name)) }, ...errors } } },
    ])),
  };
}

/**
 * Builds the OpenAPI 3.1 document of the service from the modules' zod schemas (zod's own
 * `z.toJSONSchema`, draft 2020-12, the dialect OpenAPI 3.1 uses). Every operation documents its
 * success response and a `default` response with the common error body.
 *
 * @param specs - the CRUD modules to document.
 * @param info - title and version of the API.
 * @returns the document, ready to serve as JSON.
 */
export function buildOpenApiDocument(specs: CrudModuleSpec[], info = { title: 'example-service', version: '0.1.0' }): Json {
  const schemas: Json = { Error: errorBody };
  const status = (description: string, value: string): Json => ({
    description,
    ...json({ type: 'object', additionalProperties: false, required: ['status'], properties: { status: { const: value } } }),
  });
  const paths: Json = {
    '/healthz': { get: { operationId: 'health', responses: { 200: status('Alive', 'ok'), ...errors } } },
    '/readyz': { get: { operationId: 'ready', responses: { 200: status('Ready', 'ready'), ...errors } } },
    '/docs': { get: { operationId: 'docs', responses: { 200: { description: 'Swagger UI over this document', content: { 'text/html': { schema: { type: 'string' } } } }, ...errors } } },
    '/openapi.json': { get: { operationId: 'openapi', responses: { 200: { description: 'This document', ...json({ type: 'object' }) }, ...errors } } },
  };
  for (const spec of specs) Object.assign(paths, modulePaths(spec, schemas));
  return { openapi: '3.1.0', info, jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema', paths, components: { schemas } };
}
