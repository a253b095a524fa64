import type { PageRequest } from './pagination.js';

/**
 * How one field of a list compares, which decides the filters it takes (`?<field>=` for every
 * kind; `[gte]`/`[lte]` for `int`, `bigint`, `decimal`, `datetime` and `id`; `[contains]` for
 * `string` and `text`) and how it sorts. An enum field is given by its values, in declaration
 * order: PostgreSQL sorts an enum by that order, and so does the in-memory adapter. A `refs(…)`
 * field is `{ links: <the join table's column of the linked id> }`: `?<field>=1,2` lists the rows
 * linking every id given; it never sorts.
 */
export type ListFieldKind = 'id' | 'string' | 'text' | 'uuid' | 'boolean' | 'int' | 'bigint' | 'decimal' | 'datetime' | readonly string[] | LinksKind;

/** The kind of a `refs(…)` field (see {@link ListFieldKind}), e.g. `{ links: 'labelId' }`. */
export interface LinksKind {
  readonly links: string;
}

/**
 * @param kind - how a field compares.
 * @returns whether it is a `refs(…)` field's (see {@link LinksKind}).
 */
export function isLinksKind(kind: ListFieldKind | undefined): kind is LinksKind {
  return typeof kind === 'object' && kind !== null && !Array.isArray(kind);
}

/** The fields a module's list can be filtered and sorted by, by entity property. */
export type ListFields = Readonly<Record<string, ListFieldKind>>;

/** `eq` exact equality; `gte`/`lte` inclusive bounds; `contains` a case-insensitive substring. */
export type FilterOperator = 'eq' | 'gte' | 'lte' | 'contains';

/**
 * One condition on a list: `field operator value`. The value has the entity property's own type
 * (`Date` for a datetime, a string for a decimal or bigint, a number for an id), or the ids a
 * `refs(…)` field must all link.
 */
export interface ListFilter {
  field: string;
  operator: FilterOperator;
  value: string | number | boolean | Date | readonly number[];
}

/** One sort key; rows that tie on every key are ordered by ascending id. */
export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

/** A page of a list, narrowed by filters (all must hold) and ordered by sort keys (then by id). */
export interface ListQuery extends PageRequest {
  filters?: ListFilter[];
  sort?: SortKey[];
}

type Value = string | number | boolean | Date | readonly number[] | null | undefined;

/** One field's value of a row (the adapters' rows are plain entity objects). */
const valueOf = (row: object, field: string): Value => (row as Record<string, Value>)[field];

function rank(kind: ListFieldKind, value: Exclude<Value, null | undefined>): number | bigint | string {
  if (Array.isArray(kind)) return kind.indexOf(String(value));
  if (typeof value === 'object' && !(value instanceof Date)) return value.length;
  if (value instanceof Date) return value.getTime();
  if (kind === 'bigint') return BigInt(String(value));
  if (kind === 'decimal') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Compares two values of one field as PostgreSQL orders them ascending: NULL after every value
 * (PostgreSQL's default `NULLS LAST` for `ASC`, https://www.postgresql.org/docs/current/queries-order.html).
 * Strings compare by UTF-16 code unit, which agrees with the database's collation for the
 * same-case ASCII the generated tests use; other text may order differently per collation.
 *
 * @param kind - how the field compares.
 * @param a - one value.
 * @param b - the other.
 * @returns negative when `a` sorts first, positive when `b` does, 0 on a tie.
 */
export function compareListValues(kind: ListFieldKind, a: Value, b: Value): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  const [x, y] = [rank(kind, a), rank(kind, b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function holds(kind: ListFieldKind, filter: ListFilter, value: Value): boolean {
  if (value === null || value === undefined) return false;
  if (isLinksKind(kind)) return Array.isArray(filter.value) && filter.value.every((id) => (value as readonly number[]).includes(id));
  if (filter.operator === 'contains') return String(value).toLowerCase().includes(String(filter.value).toLowerCase());
  const order = compareListValues(kind, value, filter.value);
  return filter.operator === 'eq' ? order === 0 : filter.operator === 'gte' ? order >= 0 : order <= 0;
}

/**
 * Narrows rows by a list query's filters, for adapters that hold rows in memory (the database
 * adapters translate the same query to SQL instead).
 *
 * @param rows - every row.
 * @param filters - conditions that must all hold; a NULL value meets none.
 * @param fields - how each field compares.
 * @returns the rows that meet every filter, in their given order.
 */
export function filterRows<T extends object>(rows: Iterable<T>, filters: ListFilter[] | undefined, fields: ListFields): T[] {
  return [...rows].filter((row) => (filters ?? []).every((f) => holds(fields[f.field] ?? 'id', f, valueOf(row, f.field))));
}

/**
 * Filters, sorts and slices rows held in memory as {@link ListQuery} describes, the way the
 * database adapters' SQL does: every filter holds, rows ordered by the sort keys and then by
 * ascending id, `offset` rows skipped, at most `limit` returned.
 *
 * @param rows - every row.
 * @param query - page, filters and sort keys.
 * @param fields - how each field compares.
 * @returns the rows of the page (the caller copies them before handing them out).
 */
export function selectRows<T extends { id: number }>(rows: Iterable<T>, query: ListQuery, fields: ListFields): T[] {
  const keys = [...(query.sort ?? []), { field: 'id', direction: 'asc' as const }];
  return filterRows(rows, query.filters, fields)
    .sort((a, b) => {
      for (const key of keys) {
        const order = compareListValues(fields[key.field] ?? 'id', valueOf(a, key.field), valueOf(b, key.field));
        if (order !== 0) return key.direction === 'asc' ? order : -order;
      }
      return 0;
    })
    .slice(query.offset, query.offset + query.limit);
}
