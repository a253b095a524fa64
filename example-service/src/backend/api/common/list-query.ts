import { z } from 'zod';
import { isLinksKind, type FilterOperator, type ListFieldKind, type ListFields, type ListFilter, type ListQuery, type SortKey } from '../../services/common/index.js';
import { bigintString, datetimeString, decimalString, linkIdsQuery, storableString, uuidString } from './field-schemas.js';
import { idParams, pageQuery } from './schemas.js';

/** Longest `[contains]` text: a bounded substring search. */
export const MAX_CONTAINS_LENGTH = 100;

/** Most sort keys one `?sort=` may give. */
export const MAX_SORT_KEYS = 4;

const int32 = z
  .string()
  .regex(/^-?[0-9]{1,10}$/, 'must be an integer')
  .transform(Number)
  .pipe(z.number().int().min(-2147483648).max(2147483647));

function valueSchema(kind: ListFieldKind): z.ZodType {
  if (Array.isArray(kind)) return z.enum(kind as [string, ...string[]]);
  if (isLinksKind(kind)) return linkIdsQuery;
  switch (kind) {
    case 'id': return idParams.shape.id;
    case 'int': return int32;
    case 'bigint': return bigintString;
    case 'decimal': return decimalString;
    case 'datetime': return datetimeString;
    case 'uuid': return uuidString;
    case 'boolean': return z.enum(['true', 'false']).transform((value) => value === 'true');
    default: return storableString.max(255);
  }
}

/**
 * The filters one kind of field takes: equality for all but `text`; inclusive bounds for numbers,
 * ids and instants; a case-insensitive substring for `string` and `text`; the linked ids (all of
 * them) for a `refs(…)` field.
 *
 * @param kind - how the field compares.
 * @returns its operators.
 */
export function operatorsOf(kind: ListFieldKind): FilterOperator[] {
  if (Array.isArray(kind) || isLinksKind(kind) || kind === 'uuid' || kind === 'boolean') return ['eq'];
  if (kind === 'string') return ['eq', 'contains'];
  if (kind === 'text') return ['contains'];
  return ['eq', 'gte', 'lte'];
}

/** The query parameter of one filter: `total`, `total[gte]`, `title[contains]` (Stripe's bracket style, read literally by Express 5's simple query parser). */
function parameterOf(field: string, operator: FilterOperator): string {
  return operator === 'eq' ? field : `${field}[${operator}]`;
}

/**
 * The strict query of a filtered list route: `limit`, `offset`, one parameter per filter of every
 * field (see {@link operatorsOf}; `?total[gte]=10&title[contains]=tea&labels=1,2`) and `sort`, a comma-separated
 * list of fields, each at most once, `-` for descending (`?sort=-createdAt,title`). Unknown
 * parameters, repeated ones and bad values are refused (400 `REQUEST.INVALID`).
 *
 * @param fields - the module's list fields (by entity property) and how each compares.
 * @returns a schema whose `.in` is the plain object schema (for the OpenAPI document) and whose
 *   output is the {@link ListQuery} the service takes.
 */
export function listQuery(fields: ListFields) {
  const filters: [string, string, FilterOperator][] = Object.entries(fields).flatMap(([field, kind]) =>
    operatorsOf(kind).map((operator): [string, string, FilterOperator] => [parameterOf(field, operator), field, operator]));
  // A refs(…) field filters but never sorts: a set of ids has no order.
  const names = Object.entries(fields).filter(([, kind]) => !isLinksKind(kind)).map(([name]) => name);
  const sort = z
    .string()
    .regex(/^-?[A-Za-z][A-Za-z0-9]*(,-?[A-Za-z][A-Za-z0-9]*)*$/, 'must be comma-separated field names, "-" for descending')
    .refine((value) => {
      const keys = value.split(',').map((key) => key.replace(/^-/, ''));
      return keys.length <= MAX_SORT_KEYS && new Set(keys).size === keys.length && keys.every((key) => names.includes(key));
    }, { message: `must name at most ${MAX_SORT_KEYS} different fields among ${names.join(', ')}` });
  const shape: Record<string, z.ZodType> = { ...pageQuery.shape, sort: sort.optional() };
  for (const [parameter, field, operator] of filters) {
    const kind = fields[field] ?? 'string';
    shape[parameter] = (operator === 'contains' ? storableString.min(1).max(MAX_CONTAINS_LENGTH) : valueSchema(kind)).optional();
  }
  return z.strictObject(shape).transform((raw): ListQuery => {
    const values = raw as Record<string, unknown>;
    const chosen: ListFilter[] = filters
      .filter(([parameter]) => values[parameter] !== undefined)
      .map(([parameter, field, operator]) => ({ field, operator, value: values[parameter] as ListFilter['value'] }));
    const keys: SortKey[] = typeof values.sort === 'string'
      ? values.sort.split(',').map((key) => ({ field: key.replace(/^-/, ''), direction: key.startsWith('-') ? 'desc' : 'asc' }))
      : [];
    return { limit: values.limit as number, offset: values.offset as number, filters: chosen, sort: keys };
  });
}
