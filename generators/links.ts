import { GeneratorInputError } from './errors.js';
import type { Field } from './fields.js';
import { moduleNames, type ModuleNames } from './naming.js';

/** How many rows one `refs(…)` field may link at once (the body's array bound). */
export const MAX_LINKS = 100;

/**
 * A `refs(module)` field (`labels:refs(labels)`): a many-to-many link to another module's rows,
 * stored in a join table with a composite primary key, never in a column of the module's table.
 */
export interface FieldLinks {
  /** The linked module's names. */
  target: ModuleNames;
  /** The join model in Prisma, e.g. `InvoiceLabels` (`<Entity><Field>`). */
  model: string;
  /** Its table, e.g. `invoice_labels`. */
  table: string;
  /** The join table's column holding the module's row id, e.g. `invoiceId`, and its relation, `invoice`. */
  ownerColumn: string;
  ownerRelation: string;
  /** The join table's column holding the linked row's id, e.g. `labelId`, and its relation, `label`. */
  targetColumn: string;
  targetRelation: string;
  /** The back-relation the linked module's model gets, e.g. `invoiceLabels InvoiceLabels[]`. */
  backRelation: string;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const snake = (s: string): string => s.split(/(?=[A-Z])|(?<=[a-z])(?=[0-9])/).map((w) => w.toLowerCase()).join('_');

/**
 * Builds a `refs(<module>)` field: the API takes and answers the linked rows' ids as an array
 * (ascending, no repeats, at most {@link MAX_LINKS}); a body may leave it out (no links); a patch
 * that holds it replaces the whole set. Both foreign keys of the join table cascade: deleting
 * either row deletes the link, never the other row.
 *
 * @param item - the item as given, e.g. `labels:refs(labels)`.
 * @param name - the field's name, e.g. `labels`.
 * @param arg - the module in parentheses.
 * @param modifiers - its `?`/`!` modifiers (none allowed).
 * @param defaultRaw - its `=default` (none allowed).
 * @param owner - the owning entity's name, e.g. `Invoice`.
 * @returns the field.
 * @throws {GeneratorInputError} on a modifier, a default, an invalid module name, or a link of a
 *   module to itself.
 */
export function linksField(item: string, name: string, arg: string | undefined, modifiers: string, defaultRaw: string | undefined, owner: string): Field {
  if (modifiers !== '' || defaultRaw !== undefined) {
    throw new GeneratorInputError(`Field "${item}": a refs(…) field takes no "?", "!" or default (no links is an empty array).`);
  }
  let target: ModuleNames;
  try {
    target = moduleNames(arg ?? '');
  } catch (err) {
    throw new GeneratorInputError(`Field "${item}" links an invalid module: ${(err as Error).message}`);
  }
  if (target.Entity === owner) throw new GeneratorInputError(`Field "${item}": a module cannot link to itself with refs(…).`);
  const links: FieldLinks = {
    target,
    model: `${owner}${pascal(name)}`,
    table: snake(`${owner}${pascal(name)}`),
    ownerColumn: `${lower(owner)}Id`,
    ownerRelation: lower(owner),
    targetColumn: `${target.entity}Id`,
    targetRelation: target.entity,
    backRelation: `${lower(owner)}${pascal(name)}`,
  };
  const ids = `${name}.map((${links.targetColumn}) => ({ ${links.targetColumn} }))`;
  return {
    name,
    spec: item,
    type: 'refs',
    optional: false,
    unique: false,
    hasDefault: false,
    tsProperty: `${name}: number[]`,
    tsInput: `${name}?: number[]`,
    recordInput: `${name}?: number[]`,
    zod: 'linkIds.optional()',
    prismaLines: [`${name} ${links.model}[]`],
    sql: '',
    example: '[]',
    example2: '[]',
    uniqueExample: undefined,
    json: '[]',
    json2: '[]',
    fromRow: `row.${name}.map((link) => link.${links.targetColumn})`,
    toCreate: `data.${name} === undefined ? undefined : { create: data.${ids} }`,
    toPatch: `patch.${name} === undefined ? undefined : { deleteMany: {}, create: patch.${ids} }`,
    memoryValue: `[...(data.${name} ?? [])].sort((a, b) => a - b)`,
    enumType: undefined,
    ref: undefined,
    owner: false,
    secret: false,
    column: name,
    links,
  };
}

/**
 * Checks what a module's `refs(…)` fields may not meet: two links to one module.
 *
 * @param fields - the module's parsed fields.
 * @throws {GeneratorInputError} naming the fields.
 */
export function checkLinks(fields: Field[]): void {
  const links = fields.filter((f) => f.links !== undefined);
  const targets = links.map((f) => f.links?.target.name);
  const twice = targets.find((t, i) => targets.indexOf(t) !== i);
  if (twice !== undefined) throw new GeneratorInputError(`Fields ${links.map((f) => `"${f.spec}"`).join(', ')}: a module links to "${twice}" with one refs(…) field at most.`);
}

/**
 * What the endpoint templates need of a module's `refs(…)` fields.
 *
 * @param fields - the module's fields (after the view's own mapping).
 * @returns `links` (the fields with a link), `columns` (every other field: the table's columns)
 *   and `linkTargets` (each linked module once, for the database tests' seed imports).
 */
export function linksView(fields: Field[]): { links: Field[]; columns: Field[]; linkTargets: ModuleNames[] } {
  const links = fields.filter((f) => f.links !== undefined);
  return {
    links,
    columns: fields.filter((f) => f.links === undefined),
    linkTargets: links.flatMap((f) => (f.links ? [f.links.target] : [])),
  };
}

/**
 * The back-relation line each `refs(…)` field adds to the linked module's Prisma model (above its
 * `// scaffold:relations` marker), e.g. `invoiceLabels InvoiceLabels[]`.
 *
 * @param fields - the linking module's fields.
 * @returns one anchored patch per `refs(…)` field.
 */
export function linkRegistrations(fields: Field[]): { file: string; marker: string; lines: string[] }[] {
  return fields.flatMap((f) =>
    f.links
      ? [{ file: `src/backend/db/${f.links.target.name}/${f.links.target.name}.prisma`, marker: '// scaffold:relations', lines: [`${f.links.backRelation} ${f.links.model}[]`] }]
      : [],
  );
}
