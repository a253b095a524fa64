import type { Field } from './fields.js';
import type { ModuleNames } from './naming.js';
import type { CompositeUnique } from './unique.js';

/** How each field type compares in a filtered list (`ListFieldKind` in the service's core); json and secret fields take no filter. */
const KINDS: Record<string, string> = {
  string: "'string'", text: "'text'", int: "'int'", bigint: "'bigint'", decimal: "'decimal'", boolean: "'boolean'",
  datetime: "'datetime'", uuid: "'uuid'", ref: "'id'",
};

/** One field of a filtered list as the entity template writes it into `<entity>ListFields`. */
export interface ListFieldView {
  name: string;
  /** TypeScript source of its `ListFieldKind`, e.g. `'decimal'` or `['card', 'cash']`. */
  kind: string;
}

/**
 * The fields a `--filters` list filters and sorts by: `id`, every scalar, enum and (non-owner) ref
 * field, every `refs(…)` field (filtered by its linked ids, never sorted), then `createdAt` and `updatedAt`. An owner field is left out: an owned list holds only the
 * caller's rows.
 *
 * @param fields - the module's parsed fields.
 * @returns each field's name and kind, in that order.
 */
export function listFieldsOf(fields: Field[]): ListFieldView[] {
  const own = fields.flatMap((f): ListFieldView[] => {
    if (f.owner) return [];
    if (f.links) return [{ name: f.name, kind: `{ links: '${f.links.targetColumn}' }` }];
    if (f.enumType) return [{ name: f.name, kind: `[${f.enumType.values.map((v) => `'${v}'`).join(', ')}]` }];
    const kind = KINDS[f.type];
    return kind === undefined ? [] : [{ name: f.name, kind }];
  });
  return [{ name: 'id', kind: "'id'" }, ...own, { name: 'createdAt', kind: "'datetime'" }, { name: 'updatedAt', kind: "'datetime'" }];
}

/** A plain (non-unique) index a filtered list's migration creates. */
export interface ListIndex {
  /** Prisma's default name for it: `<table>_<column>_idx`. */
  index: string;
  column: string;
}

/**
 * The indexes that serve a `--filters` list's equality, range and sort on each field: every list
 * field but `id` (the primary key), a `text` or `boolean` field (a substring search cannot use a
 * B-tree; two values gain nothing), a unique field, and the leading member of a composite unique
 * index (each already has an index that serves it).
 *
 * @param names - the module's names.
 * @param fields - the fields to index (the module's, or those a field step adds).
 * @param composites - the module's composite unique indexes.
 * @param withTimestamps - whether `createdAt` is indexed too (at the module's creation).
 * @returns the indexes, in field order.
 */
export function listIndexesOf(names: ModuleNames, fields: Field[], composites: CompositeUnique[] = [], withTimestamps = true): ListIndex[] {
  const leading = new Set(composites.map((c) => c.fields[0]));
  const columns = listFieldsOf(fields)
    .map((f) => f.name)
    .filter((name) => {
      const field = fields.find((f) => f.name === name);
      if (!field) return withTimestamps && name === 'createdAt';
      // A refs(…) field has no column: its join table's primary key and index serve it.
      return field.type !== 'text' && field.type !== 'boolean' && field.links === undefined && !field.unique && !leading.has(name);
    });
  return columns.map((column) => ({ index: `${names.table}_${column}_idx`, column }));
}

/** The fields the generated tests of a `--filters` list exercise (`false` when the module has none fit). */
export interface ListTestsView {
  /** Sorted ascending and descending: the two fixtures hold different values of it. */
  sort: string | false;
  /** Filtered by equality: a field both fixtures set to different values (else `id`). */
  eq: string;
  /** Filtered by `gte` and `lte`: a number or datetime both fixtures set, to different values. */
  range: string | false;
  /** Filtered by `contains`, with LIKE wildcards in the value: a string or text field that is not the route key. */
  contains: string | false;
}

/**
 * Picks the fields the generated list tests filter and sort by: required fields whose two fixture
 * values differ, so that each filter or sort key tells the two rows apart.
 *
 * @param fields - the module's parsed fields.
 * @param key - the route key's name, if any (its values cannot hold `%`).
 * @returns the picks.
 */
export function listTestsOf(fields: Field[], key: string | undefined): ListTestsView {
  const kinds = new Map(listFieldsOf(fields).map((f) => [f.name, f.kind]));
  const differs = fields.filter((f) => kinds.has(f.name) && f.links === undefined && !f.optional && f.example !== f.example2);
  const pick = (test: (f: Field) => boolean): string | false => differs.find(test)?.name ?? false;
  return {
    sort: pick((f) => !f.unique),
    eq: pick((f) => f.type !== 'text') || 'id',
    range: pick((f) => ['int', 'bigint', 'decimal', 'datetime'].includes(f.type)),
    contains: fields.find((f) => (f.type === 'string' || f.type === 'text') && f.name !== key && !f.optional)?.name ?? false,
  };
}
