import { GeneratorInputError } from './errors.js';
import type { Field } from './fields.js';
import type { ModuleNames } from './naming.js';

/** Field types that cannot take part in a composite unique index (no equality PostgreSQL indexes, never stored, or no column: refs). */
const NOT_INDEXABLE = new Set(['json', 'secret', 'refs']);

/** A unique index over several columns (`--unique=follower,followed`). */
export interface CompositeUnique {
  /** The members' property (and column) names in the order given, e.g. `['followerId', 'followedId']`. */
  fields: string[];
  /** The members for messages and test titles, e.g. `followerId, followedId`. */
  label: string;
  /** The index name Prisma's migration engine gives it: `<table>_<col>_<col>_key`. */
  index: string;
  /** The columns, quoted for SQL, e.g. `"followerId", "followedId"`. */
  sqlColumns: string;
  /** The Prisma model attribute, e.g. `@@unique([followerId, followedId])`. */
  prisma: string;
  /**
   * The member whose fixture value differs on every call, so that two fixture rows never collide:
   * a scalar with a unique example, else a (non-owner) ref, which database tests seed afresh.
   */
  varies: Field;
}

/**
 * Parses the `--unique` option: one or more groups separated by spaces, each naming two or more
 * of the module's fields separated by commas, by their spec name or property (`follower` or
 * `followerId`).
 *
 * @param spec - the option as given (e.g. `follower,followed`), or `undefined`.
 * @param fields - the module's parsed fields.
 * @param names - the module's names (for the index name).
 * @returns the composite unique indexes, in the order given (empty without the option).
 * @throws {GeneratorInputError} on an empty or one-member group, an unknown or repeated member, a
 *   json or secret member, a repeated group, or a group with no member whose value can differ per row.
 */
export function parseCompositeUniques(spec: string | undefined, fields: Field[], names: ModuleNames): CompositeUnique[] {
  if (spec === undefined) return [];
  const groups = spec.trim().split(/\s+/).filter(Boolean);
  if (groups.length === 0) throw new GeneratorInputError('--unique needs field names, e.g. --unique=follower,followed.');
  const seen = new Set<string>();
  return groups.map((group) => {
    const members = group.split(',').map((name) => {
      const field = fields.find((f) => f.name === name || f.ref?.relation === name);
      if (!field) throw new GeneratorInputError(`--unique=${group}: "${name}" is not a field of "${names.name}" (fields: ${fields.map((f) => f.ref?.relation ?? f.name).join(', ')}).`);
      if (NOT_INDEXABLE.has(field.type)) throw new GeneratorInputError(`--unique=${group}: "${name}" is a ${field.type} field, which a unique index cannot hold.`);
      return field;
    });
    if (members.length < 2) throw new GeneratorInputError(`--unique=${group}: give two or more fields separated by commas (a single field takes "!" in the spec instead).`);
    if (new Set(members).size !== members.length) throw new GeneratorInputError(`--unique=${group} names a field twice.`);
    const key = members.map((f) => f.name).sort().join(',');
    if (seen.has(key)) throw new GeneratorInputError(`--unique=${group} repeats another group.`);
    seen.add(key);
    const varies = members.find((f) => !f.ref && f.uniqueExample !== undefined) ?? members.find((f) => f.ref && !f.owner);
    if (!varies) {
      throw new GeneratorInputError(`--unique=${group}: no member can differ from row to row (booleans, enums and the owner take few values): add a string, number, date or ref field to the group.`);
    }
    const columns = members.map((f) => f.column);
    return {
      fields: columns,
      label: columns.join(', '),
      index: `${names.table}_${columns.join('_')}_key`,
      sqlColumns: columns.map((c) => `"${c}"`).join(', '),
      prisma: `@@unique([${columns.join(', ')}])`,
      varies,
    };
  });
}

/**
 * The fields with the fixture example of a composite unique's varying member replaced by one that
 * differs on every call (its type's unique example; a ref's is `uniqueNumber()`: the in-memory
 * adapter does not check refs, and database tests seed a fresh referenced row for it).
 *
 * @param fields - the module's parsed fields.
 * @param composites - its composite unique indexes.
 * @returns the fields, each varying member with unique examples.
 */
export function withVaryingExamples(fields: Field[], composites: CompositeUnique[]): Field[] {
  const varying = new Set(composites.map((c) => c.varies.name));
  return fields.map((f) => {
    if (!varying.has(f.name)) return f;
    const example = f.ref ? 'uniqueNumber()' : (f.uniqueExample ?? f.example);
    return { ...f, example, example2: example };
  });
}
