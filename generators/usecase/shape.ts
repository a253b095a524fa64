import { GeneratorInputError } from '../errors.js';
import { parseDefault } from '../field-types.js';
import { parseFields, normaliseSpec, type Field } from '../fields.js';
import type { FlagDoc } from '../cli/describe.js';

/** HTTP methods a use case may answer. */
export const USECASE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** `item`: `/<module>/:id/<name>` on one row; `collection`: `/<module>/<name>`. */
export const USECASE_SCOPES = ['item', 'collection'] as const;
/** `entity`: 200 with one row; `list`: 200 with a page `{items, limit, offset}`; `none`: 204. */
export const USECASE_RETURNS = ['entity', 'list', 'none'] as const;

/** The HTTP shape of a use case. */
export interface UsecaseShape {
  method: (typeof USECASE_METHODS)[number];
  scope: (typeof USECASE_SCOPES)[number];
  /** Field spec of the JSON request body (same grammar as `endpoint`), or absent. */
  body?: string;
  /** Field spec of the query string, or absent (a `list` response adds `limit` and `offset`). */
  query?: string;
  returns: (typeof USECASE_RETURNS)[number];
  /** `--auth=<role>`: the route also needs this role (403 `<SCOPE>.FORBIDDEN` without it); only on a module generated with `--auth`. */
  auth?: string;
}

/**
 * A use case in `scaffold.json`: a plain name for the default shape (`POST` item, no body or
 * query, answers the entity — what `usecase` wrote before shapes existed), else its full shape.
 */
export type UsecaseRecord = string | ({ name: string } & UsecaseShape);

/** The default shape: `POST /<module>/:id/<name>` answering the row. */
export const DEFAULT_SHAPE: UsecaseShape = { method: 'POST', scope: 'item', returns: 'entity' };

/** The `usecase` flags, as `describe` prints them (examples run against the example service). */
export const USECASE_OPTIONS: FlagDoc[] = [
  { flag: '--method=<GET|POST|PUT|PATCH|DELETE>', schema: { enum: [...USECASE_METHODS], default: 'POST' }, description: 'HTTP method (case-insensitive).', example: 'npx plop usecase invoices settle --method=PUT --body="paidAt:datetime" --json' },
  { flag: '--scope=<item|collection>', schema: { enum: [...USECASE_SCOPES], default: 'item' }, description: 'item: /<module>/:id/<name> loads the row (404 when missing); collection: /<module>/<name>, registered before /:id.', example: 'npx plop usecase invoices overdue --method=GET --scope=collection --query="dueBefore:datetime?" --json' },
  { flag: '--body="<fields>"', schema: { $ref: '#/field_grammar' }, description: 'Strict JSON body with its own fields (not with GET or DELETE; no ! or =now/=uuid).', example: 'npx plop usecase customers rename --method=PATCH --body="name:string note:text?" --json' },
  { flag: '--query="<fields>"', schema: { $ref: '#/field_grammar' }, description: 'Strict query string with its own fields (not json; ? = may be omitted; no limit/offset: --returns list adds them).', example: 'npx plop usecase customers lookup --method=GET --scope=collection --query="name:string" --json' },
  { flag: '--returns=<entity|list|none>', schema: { enum: [...USECASE_RETURNS] }, description: 'entity: 200 with the row; list: 200 with a page {items, limit, offset}; none: 204. Default: list for GET on a collection, none for DELETE, else entity.', example: 'npx plop usecase invoices archive --method=DELETE --returns=none --json' },
];

const pick = <T extends string>(flag: string, value: string | undefined, allowed: readonly T[], upper: boolean): T | undefined => {
  if (value === undefined) return undefined;
  const v = (upper ? value.toUpperCase() : value.toLowerCase()).trim() as T;
  if (!allowed.includes(v)) throw new GeneratorInputError(`--${flag} "${value}" is invalid: use one of ${allowed.join(', ')}.`);
  return v;
};

/**
 * Reads a use case's shape from the command line's options, filling the defaults.
 *
 * @param options - `method`, `scope`, `body`, `query`, `returns` as typed (others ignored).
 * @returns the shape, with body and query normalised (single spaces) and present only when given.
 * @throws {GeneratorInputError} on an unknown method, scope or return kind, an empty spec, or a
 *   combination that makes no sense (a body on GET or DELETE).
 */
export function readShape(options: Record<string, string | undefined>): UsecaseShape {
  const method = pick('method', options.method, USECASE_METHODS, true) ?? DEFAULT_SHAPE.method;
  const scope = pick('scope', options.scope, USECASE_SCOPES, false) ?? DEFAULT_SHAPE.scope;
  const defaultReturns = method === 'GET' && scope === 'collection' ? 'list' : method === 'DELETE' ? 'none' : 'entity';
  const returns = pick('returns', options.returns, USECASE_RETURNS, false) ?? defaultReturns;
  const shape: UsecaseShape = { method, scope, returns };
  for (const part of ['body', 'query'] as const) {
    const spec = options[part];
    if (spec === undefined) continue;
    if (spec.trim() === '') throw new GeneratorInputError(`--${part} is empty: give fields such as "note:text?", or leave the flag out.`);
    shape[part] = normaliseSpec(spec);
  }
  if (scope === 'collection' && returns === 'entity') {
    throw new GeneratorInputError('A collection use case answers a page (--returns list) or nothing (--returns none); to answer one row, use --scope item.');
  }
  if (shape.body !== undefined && (method === 'GET' || method === 'DELETE')) {
    throw new GeneratorInputError(`--body is not allowed with ${method} (its body has no defined meaning, RFC 9110 §9.3.1/§9.3.5): use --query, or another method.`);
  }
  return shape;
}

/**
 * Splits a recorded use case into its name and shape.
 *
 * @param record - a plain name (default shape) or a shaped record.
 * @returns name and shape.
 */
export function shapeOf(record: UsecaseRecord): { name: string; shape: UsecaseShape } {
  if (typeof record === 'string') return { name: record, shape: DEFAULT_SHAPE };
  const { name, ...shape } = record;
  return { name, shape };
}

/**
 * The record of a use case: the plain name for the default shape (backward compatible), else name
 * plus shape with keys in a fixed order (so `scaffold.json` is stable).
 *
 * @param name - the use case.
 * @param shape - its shape.
 * @returns the record.
 */
export function recordOf(name: string, shape: UsecaseShape): UsecaseRecord {
  if (isDefaultShape(shape) && shape.auth === undefined) return name;
  return {
    name,
    method: shape.method,
    scope: shape.scope,
    ...(shape.body !== undefined ? { body: shape.body } : {}),
    ...(shape.query !== undefined ? { query: shape.query } : {}),
    returns: shape.returns,
    ...(shape.auth !== undefined ? { auth: shape.auth } : {}),
  };
}

/**
 * @pure
 * @param shape - a use case's shape.
 * @returns whether it is the default route (`POST /<module>/:id/<name>` answering the row), whatever role it needs.
 */
export function isDefaultShape(shape: UsecaseShape): boolean {
  return shape.method === 'POST' && shape.scope === 'item' && shape.returns === 'entity' && shape.body === undefined && shape.query === undefined;
}

/** One field of a use case's body or query, in every spelling the fragments need. */
export interface InputField {
  name: string;
  /** Property of the core's input type, e.g. `note?: string | null`. */
  tsProperty: string;
  /** zod expression that parses the wire value. */
  zod: string;
  /** Example as JSON (body) or as a query-string value, and as TypeScript (unit tests). */
  json: string;
  queryValue: string;
  ts: string;
  /** Whether the request may leave it out. */
  omittable: boolean;
}

const QUERY_INT = (base: string): string => `z.string().regex(/^-?[0-9]{1,10}$/, 'must be an integer').transform(Number).pipe(${base})`;

/**
 * Parses a use case's body or query spec into input fields (strict zod, core types, examples).
 *
 * @param spec - the field spec.
 * @param part - `body` (JSON values) or `query` (strings from the query string).
 * @param owner - prefix for messages and enum names, e.g. `InvoiceSettle`.
 * @returns the fields.
 * @throws {GeneratorInputError} on a malformed spec, `!`, `=now`/`=uuid`, json in a query,
 *   or `limit`/`offset` in a query.
 */
export function inputFields(spec: string, part: 'body' | 'query', owner: string): InputField[] {
  return parseFields(spec, owner).map((f: Field): InputField => {
    const where = `--${part} "${f.spec}"`;
    if (f.unique) throw new GeneratorInputError(`${where}: ! (unique) applies to stored fields, not to a use case's input.`);
    if (f.secret || f.owner) throw new GeneratorInputError(`${where}: ${f.type} fields are stored fields of a module, not a use case's input.`);
    if (part === 'query' && f.type === 'json') throw new GeneratorInputError(`${where}: json values cannot travel in a query string; use --body.`);
    if (part === 'query' && (f.name === 'limit' || f.name === 'offset')) throw new GeneratorInputError(`${where}: limit and offset come with --returns list; name the field otherwise.`);
    const raw = /=(.*)$/.exec(f.spec)?.[1];
    if (raw === 'now' || raw === 'uuid') throw new GeneratorInputError(`${where}: a use case input takes literal defaults only (not =now or =uuid).`);
    const defaultTs = raw === undefined ? undefined : parseDefault(f.type, raw, f.spec, f.enumType?.values).ts;
    const base = f.zod.replace(/(\.nullable\(\))?(\.optional\(\))?$/, '');
    const tsType = f.tsProperty.slice(f.name.length + 2).replace(/ \| null$/, '');
    let zod: string;
    let tsProperty: string;
    if (part === 'query') {
      const wire = f.type === 'int' || f.type === 'ref' ? QUERY_INT(base) : f.type === 'boolean' ? "z.enum(['true', 'false']).transform((v) => v === 'true')" : base;
      zod = `${wire}${defaultTs !== undefined ? `.default(${defaultTs})` : f.optional ? '.optional()' : ''}`;
      tsProperty = `${f.name}${f.optional && defaultTs === undefined ? '?' : ''}: ${tsType}`;
    } else {
      zod = `${base}${f.optional ? '.nullable()' : ''}${defaultTs !== undefined ? `.default(${defaultTs})` : f.optional ? '.optional()' : ''}`;
      tsProperty = `${f.name}${f.optional && defaultTs === undefined ? '?' : ''}: ${tsType}${f.optional ? ' | null' : ''}`;
    }
    const json = f.json;
    const queryValue = encodeURIComponent(json.startsWith('"') ? (JSON.parse(json) as string) : json);
    return { name: f.name, tsProperty, zod, json, queryValue, ts: f.example, omittable: f.optional || defaultTs !== undefined };
  });
}
