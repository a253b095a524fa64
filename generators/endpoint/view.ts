import type { Field } from '../fields.js';
import type { ModuleRecord } from '../manifest.js';
import { moduleNames, type ModuleNames } from '../naming.js';
import { GeneratorInputError } from '../errors.js';
import { SCHEMA_HELPERS } from '../field-types.js';
import { parseFields } from '../fields.js';
import type { Registration } from './registrations.js';
import { parseCompositeUniques, withVaryingExamples } from '../unique.js';
import { parseRouteKey } from '../key.js';
import { derivedKeyOf } from '../slug.js';
import { nestedView, type NestedParent } from '../nested.js';
import { secretView } from './secret-view.js';
import { listFieldsOf, listIndexesOf, listTestsOf } from '../list-query.js';
import { checkLinks, linkRegistrations, linksView } from '../links.js';

/** What shapes a module beyond its fields: `--unique` and `--key` as recorded. */
export interface ModuleShape {
  /** Composite unique indexes, e.g. `follower,followed`. */
  unique?: string;
  /** The unique field its item routes are addressed by, e.g. `slug`. */
  key?: string;
  /** `--filters`: the list route filters, sorts and counts (see {@link listFieldsOf}). */
  filters?: boolean;
  /** `--parent`: the module the routes nest under (see {@link parseNested}). */
  parent?: string;
  /** `--on-delete`: `cascade` or `restrict`. */
  onDelete?: string;
  /** The service's wire envelope (`scaffold.json` `wire.envelope`): rows and pages answer under a named key. */
  envelope?: boolean;
}

/**
 * The values every endpoint template may use: the module's names, its fields and the subsets
 * templates loop over (uniques, refs, enums) and flags for conditional imports; with `--auth`,
 * `auth` (every route needs a signed-in user), `owner` (the owner field, or false) and
 * `bodyFields` (what a client sends: all but the owner).
 *
 * @param names - the module's names.
 * @param parsed - its parsed fields.
 * @param auth - `--auth` (true); absent: a public module.
 * @param extraHelpers - value schemas its use cases' bodies and queries need in the schemas file.
 * @param shape - `--unique` (composite unique indexes) and `--key` (the route key), if any.
 * @param parent - the parent of a nested module (`--parent`, see {@link nestedView}).
 * @returns the Handlebars view; `composites` holds the composite unique indexes (see
 *   {@link parseCompositeUniques}), `varyingRefs` the refs whose fixtures must differ per row, and
 *   `key` the route key (see {@link parseRouteKey}) with `itemParam` / `itemId` (the item routes'
 *   path parameter and the id expression a handler passes on).
 * @throws {GeneratorInputError} when `unique` or `key` is invalid for these fields, or a slug
 *   field is not the key or meets an option it does not support (see {@link derivedKeyOf}).
 */
export function endpointView(names: ModuleNames, parsed: Field[], auth?: true | string, extraHelpers: string[] = [], shape: ModuleShape = {}, parent?: NestedParent): object {
  const composites = parseCompositeUniques(shape.unique, parsed, names);
  const key = parseRouteKey(shape.key, parsed, names);
  const slug = derivedKeyOf(parsed, shape.key, auth !== undefined, names.words);
  const fields = withVaryingExamples(parsed, composites)
    .map((f) => (key && f.name === key.name ? { ...f, zod: key.bodyZod } : f))
    .map((f) => ({ ...f, parentRef: f.name === parent?.field, cascades: f.name === parent?.field && parent.onDelete === 'cascade' }));
  checkLinks(fields);
  const refs = fields.filter((f) => f.ref !== undefined);
  const { links, columns, linkTargets } = linksView(fields);
  const uniques = fields.filter((f) => f.unique);
  const owner = fields.find((f) => f.owner);
  const text = (pick: (f: Field) => string): boolean => fields.some((f) => pick(f).includes('randomUUID()'));
  const listQuery = shape.filters === true;
  const refFilters = !listQuery && refs.some((f) => !f.owner && !f.parentRef);
  const hasFilters = refFilters || (!listQuery && links.length > 0);
  return {
    ...names,
    ...nestedView(names, parent),
    fields,
    refs,
    /** The `refs(…)` fields (join tables, see links.ts), and the table's own columns (all the others). */
    links,
    columns,
    /** Each module a database test seeds a row of: the referenced and the linked ones (for imports). */
    seedTargets: [...new Map([...refs.flatMap((f) => (f.ref ? [f.ref.target] : [])), ...linkTargets].map((t) => [t.name, t])).values()].map((t) => ({
      ...t,
      /** A test deletes one of its rows through its repository: a required non-owner ref's restrict test, or a link's cascade. */
      repoImport: linkTargets.some((l) => l.name === t.name) || refs.some((f) => f.ref?.target.name === t.name && !f.optional && !f.owner),
    })),
    /** A write can name a row that does not exist (a ref or a link): the Prisma adapter maps P2003 to 422. */
    hasReferences: refs.length > 0 || links.length > 0,
    uniques,
    enums: fields.flatMap((f) => (f.enumType ? [{ ...f.enumType, field: f.name }] : [])),
    hasRefs: refs.length > 0,
    /** Each referenced module once (for imports); `inUseTest`: a required, non-owner ref points at it. */
    refTargets: [...new Map(refs.map((f) => [f.ref?.target.name, f.ref?.target])).values()].map((target) => ({
      ...target,
      inUseTest: refs.some((f) => f.ref?.target.name === target?.name && !f.optional && !f.owner),
    })),
    /** Refs a list can be filtered by (an owner field is not: lists hold the caller's rows), without `--filters`. */
    hasFilters,
    /** The list takes `<Entity>Filter` (each ref's id); `--filters` replaces it with a `ListQuery`. */
    refFilter: !listQuery && (refs.length > 0 || links.length > 0),
    listQuery,
    /** A nested list is its parent's own: the parent ref is no filter or sort key (but its column is indexed). */
    listFields: listQuery ? listFieldsOf(fields.filter((f) => !f.parentRef)) : [],
    listIndexes: listQuery ? listIndexesOf(names, fields, composites) : [],
    listTests: listQuery ? listTestsOf(fields.filter((f) => !f.parentRef), key?.name) : false,
    /** Where the list-query tests list: the module's route, or a nested test's `base` (its parent's row). */
    listBase: parent ? '${base}' : `/${names.route}`,
    hasUnique: uniques.length > 0 || composites.length > 0,
    key: key ?? false,
    /** A `slug(<field>)` key (see {@link derivedKeyOf}): `create` derives it when the body has none. */
    slug: slug ?? false,
    itemParam: key?.name ?? 'id',
    ...envelopeView(names, shape.envelope === true),
    itemId: key ? `await service.idOf(params.${key.name})` : 'params.id',
    /** The `.http` request whose answer holds the row's current key: the update may change the key. */
    httpRow: `${key ? 'updated' : 'created'}${names.Entity}${shape.envelope === true ? `.${names.entity}?` : ''}`,
    /** What the router tests' `create` answers, and a segment the item routes refuse (400) or find nothing at (404). */
    rowType: key ? `{ id: number; ${key.name}: string }` : '{ id: number }',
    invalidPath: key ? `\`/${names.route}/\${${key.invalid}}\`` : `'/${names.route}/abc'`,
    absentSegment: key?.absent ?? '999999',
    composites: composites.map((c) => ({ ...c, bodyMembers: c.fields.filter((n) => n !== owner?.name) })),
    varyingRefs: refs.filter((f) => f.unique || composites.some((c) => c.varies.name === f.name)),
    refNames: [...refs, ...links].map((f) => f.name).join(' or '),
    /** What the schemas file imports from `api/common`: its value schemas in use, and the CRUD helpers (sorted). */
    schemaImports: [
      ...SCHEMA_HELPERS.filter((h) => extraHelpers.includes(h) || (h === 'linkIdsQuery' && hasFilters && links.length > 0) || fields.some((f) => new RegExp(`\\b${h}\\b`).test(f.zod))),
      'defineCrudModule', ...(key && !refFilters && parent?.key !== false ? [] : ['idParams']), ...(listQuery ? ['listQuery'] : []),
      ...(!listQuery || extraHelpers.includes('pageQuery') ? ['pageQuery'] : []),
    ]
      .sort()
      .join(', '),
    /** The Prisma adapter names `Prisma.*` types (json values, list filters, a links include). */
    usesPrismaTypes: fields.some((f) => f.type === 'json') || listQuery || links.length > 0,
    /** An optional json field writes `Prisma.DbNull`, a value import. */
    usesJsonNull: fields.some((f) => f.type === 'json' && f.optional),
    mapsInput: fields.some((f) => f.toCreate !== undefined),
    usesRandomUUID: text((f) => `${f.example} ${f.example2}`),
    /** A unique field's fixtures draw from `uniqueNumber()` (a unique uuid uses `randomUUID()`). */
    usesUniqueNumber: fields.some((f) => `${f.example} ${f.example2}`.includes('uniqueNumber()')),
    usesRandomUUIDInMemory: text((f) => f.memoryValue),
    auth: auth !== undefined,
    /** `--auth=<role>`: every route also needs this role (403 `<SCOPE>.FORBIDDEN` without it). */
    role: typeof auth === 'string' ? auth : false,
    owner: owner ?? false,
    /** The fields a client sends (all but the owner). */
    bodyFields: fields.filter((f) => !f.owner),
    ...secretView(names, fields),
  };
}

/**
 * The back-relation field a `ref(…)` field adds to the referenced module's Prisma model: the
 * referring module's name (`orders Order[]`; a unique ref, one-to-one, `profile Profile?`), or, for a
 * named relation (several refs to one module), `<module>As<Relation>` with the relation's name
 * (`followsAsFollower Follow[] @relation("FollowFollower")`).
 *
 * @param names - the referring module's names.
 * @param field - a field with a `ref`.
 * @returns the field name and its Prisma line.
 */
export function backRelation(names: ModuleNames, field: Field): { name: string; line: string } {
  const relation = field.ref?.relation ?? field.name;
  // A unique ref is one-to-one: the referenced row has at most one, singular and optional.
  const [base, type] = field.unique ? [names.entity, `${names.Entity}?`] : [names.name, `${names.Entity}[]`];
  if (field.ref?.name === undefined) return { name: base, line: `${base} ${type}` };
  const name = `${base}As${relation.charAt(0).toUpperCase()}${relation.slice(1)}`;
  return { name, line: `${name} ${type} @relation("${field.ref.name}")` };
}

/**
 * The back-relation each `ref(…)` field adds to the referenced module's Prisma model, as anchored
 * patches above its `// scaffold:relations` marker (see {@link backRelation}).
 *
 * @param names - the referring module's names.
 * @param fields - its fields.
 * @returns one registration per ref field.
 */
export function relationRegistrations(names: ModuleNames, fields: Field[]): Registration[] {
  const refs = fields.flatMap((f) =>
    f.ref
      ? [{ file: `src/backend/db/${f.ref.target.name}/${f.ref.target.name}.prisma`, marker: '// scaffold:relations', lines: [backRelation(names, f).line] }]
      : [],
  );
  return [...refs, ...linkRegistrations(fields)];
}

/**
 * Checks that the back-relations a module's refs add are free in each referenced module: no field
 * or relation there has the same name.
 *
 * @param names - the referring module's names.
 * @param fields - the ref fields to check.
 * @param modules - the service's recorded modules (other than the referring one).
 * @throws {GeneratorInputError} naming the referenced module and the taken name.
 */
export function assertBackRelationsFree(names: ModuleNames, fields: Field[], modules: ModuleRecord[]): void {
  for (const f of fields) {
    const targetName = f.links?.target.name ?? (f.owner ? undefined : f.ref?.target.name);
    const target = modules.find((m) => m.name === targetName);
    if (!target || !(f.ref || f.links)) continue;
    const back = f.links?.backRelation ?? backRelation(names, f).name;
    if (parseFields(target.fields, moduleNames(target.name).Entity).some((t) => t.name === back || t.ref?.relation === back)) {
      throw new GeneratorInputError(`Field "${f.spec}": module "${target.name}" already has a field named "${back}".`);
    }
  }
}

/**
 * Checks a new module against the modules already in the service: its name, entity, table, route
 * and enum types must be new, and every `ref(…)` must name an existing module.
 *
 * @param names - the new module's names.
 * @param fields - its fields.
 * @param modules - the service's recorded modules.
 * @throws {GeneratorInputError} naming the collision or the missing module.
 */
export function assertFitsService(names: ModuleNames, fields: Field[], modules: ModuleRecord[]): void {
  const taken = new Map<string, string>();
  for (const m of modules) {
    const other = moduleNames(m.name);
    for (const key of [other.name, other.Entity, other.table, other.route]) taken.set(key, m.name);
    for (const f of parseFields(m.fields, other.Entity)) if (f.enumType) taken.set(f.enumType.name, m.name);
  }
  for (const key of [names.name, names.Entity, names.table, names.route, ...fields.flatMap((f) => (f.enumType ? [f.enumType.name] : []))]) {
    const clash = taken.get(key);
    if (clash !== undefined) throw new GeneratorInputError(`Module "${names.name}" collides with existing module "${clash}" (${key}).`);
  }
  for (const f of fields) {
    const wanted = f.links?.target ?? (f.owner ? undefined : f.ref?.target);
    if (!wanted) continue;
    const target = modules.find((m) => m.name === wanted.name);
    if (!target) {
      throw new GeneratorInputError(
        `Field "${f.spec}" references module "${wanted.name}", which does not exist: generate it first (known: ${modules.map((m) => m.name).join(', ') || 'none'}).`,
      );
    }
  }
  assertBackRelationsFree(names, fields, modules);
}

/**
 * The wire envelope's part of the view: the keys a row and a page answer under (`envelope`, used by
 * the `asItem`/`asPage` helpers of render.ts and the schemas file), and how tests and `.http`
 * requests read a body: `itemKey` (`.invoice`, or nothing; `httpItemKey` `.invoice?` in `.http` files), `pageList` (`invoices` or `items`),
 * `pageTotal` (`invoicesCount` or `total`).
 *
 * @param names - the module's names.
 * @param on - whether the service has the envelope (`scaffold.json` `wire.envelope`).
 * @returns the view values.
 * @throws {GeneratorInputError} when the module's list key would clash with `limit` or `offset`.
 */
function envelopeView(names: ModuleNames, on: boolean): object {
  if (!on) return { envelope: false, itemKey: '', httpItemKey: '', pageList: 'items', pageTotal: 'total' };
  if (['limit', 'offset'].includes(names.name)) throw new GeneratorInputError(`Module "${names.name}" cannot be named like a page member under the wire envelope: choose another name.`);
  // In a `.http` file a refused create (403 under a role) answers no row: `?.` keeps the next requests' URLs buildable.
  return { envelope: { item: names.entity, list: names.name }, itemKey: `.${names.entity}`, httpItemKey: `.${names.entity}?`, pageList: names.name, pageTotal: `${names.name}Count` };
}
