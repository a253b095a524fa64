import type { ActionSpec, CrudModuleSpec } from './openapi.js';
import { BEARER_SECURITY, errorResponse, itemParamOf, itemSchema, jsonSchema, jsonContent as json, pageSchema, schemaRef as ref, withArticle, words } from './openapi-responses.js';
import { nestUnderParent, parentFieldSchema } from './openapi-nested.js';

/**
 * The paths of one CRUD module in the OpenAPI document: its five routes and its use cases, each
 * with a summary, every 4xx it answers and, under `--auth`, its security and roles.
 */

type Json = Record<string, unknown>;

/** Documents on an operation that it needs a role: a 403 and a sentence saying which. */
function requireRole(op: Json, role: string, scope: string): void {
  op.description = `Needs the ${role} role: a signed-in user without it gets 403 ${scope}.FORBIDDEN.`;
  const prior = ((op.responses as Json)[403] as { description?: string } | undefined)?.description;
  const reason = `${scope}.FORBIDDEN: the caller lacks the ${role} role`;
  op.responses = { ...(op.responses as Json), 403: errorResponse(prior ? `${prior}; ${reason}` : reason) };
}

/** An entity as returned: the create body's fields (minus secrets, plus the owner) and `id`, `createdAt`, `updatedAt`. */
function entitySchema(spec: CrudModuleSpec): Json {
  const body = jsonSchema(spec.create) as { properties?: Json; required?: string[] };
  const secret = new Set(spec.secretFields ?? []);
  const owner = spec.ownerField ? { [spec.ownerField]: { type: 'integer', minimum: 1 } } : {};
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', ...(body.required ?? []).filter((k) => !secret.has(k)), ...Object.keys(owner), ...Object.keys(parentFieldSchema(spec.parent)), 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'integer', minimum: 1 },
      ...Object.fromEntries(Object.entries(body.properties ?? {}).filter(([k]) => !secret.has(k))),
      ...owner,
      ...parentFieldSchema(spec.parent),
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  };
}

/** The 4xx a module's routes answer beyond the common ones, by what the route does. */
function moduleErrors(spec: CrudModuleSpec, noun: string): Record<'missing' | 'taken' | 'inUse' | 'invalid' | 'notOwner', Json> {
  return {
    missing: { 404: errorResponse(`${spec.scope}.NOT_FOUND: no ${noun} with this id`) },
    taken: { 409: errorResponse(`${spec.scope}.CONFLICT: another ${noun} already holds a value that must be unique`) },
    inUse: { 409: errorResponse(`${spec.scope}.CONFLICT: rows of another module still reference this ${noun}`) },
    invalid: { 422: errorResponse(`${spec.scope}.INVALID: a referenced row does not exist`) },
    notOwner: spec.ownerField ? { 403: errorResponse(`${spec.scope}.FORBIDDEN: the ${noun} belongs to another user`) } : {},
  };
}

/**
 * The path items of one module, adding its entity and page schemas to `schemas`.
 *
 * @param spec - the module's spec.
 * @param schemas - the document's component schemas, extended in place.
 * @returns path → path item.
 */
export function modulePaths(spec: CrudModuleSpec, schemas: Json): Json {
  const name = spec.tag.charAt(0).toUpperCase() + spec.tag.slice(1);
  // The scope is the singular (`LINE_ITEM`), the tag the plural (`lineItems`).
  const one = withArticle(words(spec.scope));
  const many = words(spec.tag);
  const e = moduleErrors(spec, words(spec.scope));
  schemas[name] = entitySchema(spec);
  const item = itemSchema(name, spec.envelope?.item);
  // A filtered list (`--filters`) counts its rows; a use case answering a page does not.
  const listPage = 'sort' in spec.list.shape ? `${name}CountedPage` : `${name}Page`;
  const actionPages = (spec.actions ?? []).some((a) => typeof a !== 'string' && a.returns === 'list');
  if (listPage === `${name}Page` || actionPages) schemas[`${name}Page`] = pageSchema(name, false, spec.envelope?.list);
  schemas[listPage] = pageSchema(name, listPage !== `${name}Page`, spec.envelope?.list);
  const keyName = itemParamOf(spec);
  const keySchema = spec.item?.shape[keyName];
  const idParam = { name: keyName, in: 'path', required: true, schema: keySchema ? jsonSchema(keySchema) : { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } };
  const itemPath = `${spec.path}/{${keyName}}`;
  const pageParams = Object.entries(spec.list.shape).map(([key, schema]) => ({ name: key, in: 'query', required: false, schema: jsonSchema(schema) }));
  const tags = [spec.tag];
  const paths: Json = {
    [spec.path]: {
      post: { tags, summary: `Create ${one}`, operationId: `create${name}`, requestBody: { required: true, ...json(jsonSchema(spec.create)) }, responses: { 201: { description: 'Created', ...json(item) }, ...e.taken, ...e.invalid } },
      get: { tags, summary: `List ${many}`, operationId: `list${name}`, parameters: pageParams, responses: { 200: { description: 'A page', ...json(ref(listPage)) } } },
    },
    [itemPath]: {
      get: { tags, summary: `Get ${one}`, operationId: `get${name}`, parameters: [idParam], responses: { 200: { description: 'Found', ...json(item) }, ...e.notOwner, ...e.missing } },
      patch: { tags, summary: `Update ${one}`, operationId: `update${name}`, parameters: [idParam], requestBody: { required: true, ...json(jsonSchema(spec.update)) }, responses: { 200: { description: 'Changed', ...json(item) }, ...e.notOwner, ...e.missing, ...e.taken, ...e.invalid } },
      delete: { tags, summary: `Delete ${one}`, operationId: `remove${name}`, parameters: [idParam], responses: { 204: { description: 'Removed' }, ...e.notOwner, ...e.missing, ...e.inUse } },
    },
    ...Object.fromEntries((spec.actions ?? []).map((action) => {
      const a: ActionSpec = typeof action === 'string' ? { name: action, method: 'post', scope: 'item', returns: 'entity' } : action;
      const query = Object.entries(a.query?.shape ?? {}).map(([key, schema]) => ({ name: key, in: 'query', required: !schema.safeParse(undefined).success, schema: jsonSchema(schema) }));
      const success: Json = {
        entity: { 200: { description: 'After the use case', ...json(item) } },
        list: { 200: { description: 'A page', ...json(ref(`${name}Page`)) } },
        none: { 204: { description: 'Done, no content' } },
      }[a.returns];
      // A use case is hand-written: it may refuse as a conflict or an invalid change.
      const refused = { 409: errorResponse(`${spec.scope}.CONFLICT: the use case refuses in the current state`), ...e.invalid };
      const op: Json = {
        tags,
        summary: `Run the ${words(a.name)} use case on ${a.scope === 'item' ? one : many}`,
        operationId: `${spec.tag}.${a.name}`,
        parameters: [...(a.scope === 'item' ? [idParam] : []), ...query],
        ...(a.body ? { requestBody: { required: true, ...json(jsonSchema(a.body)) } } : {}),
        responses: { ...success, ...(a.scope === 'item' ? { ...e.notOwner, ...e.missing } : {}), ...refused },
      };
      if (a.role !== undefined) requireRole(op, a.role, spec.scope);
      return [a.scope === 'item' ? `${itemPath}/${a.name}` : `${spec.path}/${a.name}`, { [a.method]: op }];
    })),
  };
  nestUnderParent(paths, spec.parent, jsonSchema);
  if (spec.auth) {
    for (const item of Object.values(paths) as Record<string, Json>[]) {
      for (const op of Object.values(item)) {
        Object.assign(op, { security: BEARER_SECURITY });
        if (spec.role !== undefined) requireRole(op, spec.role, spec.scope);
      }
    }
  }
  return paths;
}

