import { GeneratorInputError } from './errors.js';
import { FIELD_TYPES, MAPPINGS, parseDefault, type DefaultValue, type FieldType, type TypeMapping } from './field-types.js';
import { moduleNames, type ModuleNames } from './naming.js';
import { checkDerivedSources, checkSlugItem } from './slug.js';
import { linksField, type FieldLinks } from './links.js';

export { FIELD_TYPES, type FieldType } from './field-types.js';

/** Field names: lower camelCase ASCII, at most 60 characters (PostgreSQL's identifier limit, minus `Id`). */
const FIELD_NAME_PATTERN = /^[a-z][a-zA-Z0-9]{0,59}$/;
const ENUM_VALUE_PATTERN = /^[a-z][a-zA-Z0-9_]{0,62}$/;
const RESERVED_FIELDS = new Set(['id', 'createdAt', 'updatedAt', ...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
/** `name:type` then modifiers `?` (optional) and `!` (unique) in any order, then `=default`. */
const ITEM = /^([^:]+):([a-z]+)(?:\(([^()]*)\))?([?!]*)(?:=(.*))?$/;

/** A `ref(module)` field: a foreign key to another module's row. */
export interface FieldRef {
  /** Relation field in the Prisma model, e.g. `customer`. */
  relation: string;
  /** The referenced module's names. */
  target: ModuleNames;
  /** What PostgreSQL does when the referenced row is deleted (as Prisma writes it). */
  onDelete: 'RESTRICT' | 'SET NULL' | 'CASCADE';
  /**
   * Prisma relation name, e.g. `FollowFollower`, when the module has several refs to one module
   * (Prisma needs a name to pair each relation with its back-relation); absent otherwise.
   */
  name?: string;
}

/** A parsed field with every spelling the templates need. */
export interface Field {
  /** Property in the entity, API and column, e.g. `amount`, or `customerId` for `customer:ref(customers)`. */
  name: string;
  /** The item as given, e.g. `status:enum(pending|paid)=pending`. */
  spec: string;
  type: FieldType;
  optional: boolean;
  unique: boolean;
  hasDefault: boolean;
  /** `name: type` or `name: type | null` for the entity interface. */
  tsProperty: string;
  /** The create input property: optional when the field is optional or has a default. */
  tsInput: string;
  /** zod expression for create. */
  zod: string;
  /** Prisma model lines, e.g. `amount Int` (a ref adds its relation line). */
  prismaLines: string[];
  /** Migration column line, e.g. `"amount" INTEGER NOT NULL`. */
  sql: string;
  example: string;
  example2: string;
  /** A fixture value distinct on every call (TypeScript source), when the type has one (see `--unique`). */
  uniqueExample: string | undefined;
  json: string;
  json2: string;
  /** Mapping from a row's value (`row.x`), or `undefined` when the value is used as is. */
  fromRow: string | undefined;
  /** Mapping of a create input's value to Prisma's, or `undefined`. */
  toCreate: string | undefined;
  /** Mapping of a patch's value to Prisma's, or `undefined`. */
  toPatch: string | undefined;
  /** The in-memory adapter's value on create (fills defaults and nulls). */
  memoryValue: string;
  /** An `enum(…)` field's Prisma enum. */
  enumType: { name: string; values: string[]; sqlValues: string } | undefined;
  ref: FieldRef | undefined;
  /** An `owner` field (`author:owner`): a ref to `users` set from the signed-in user, never from a body. */
  owner: boolean;
  /**
   * A `secret` field (`apiKey:secret`): accepted in bodies as a `Secret`, stored only as its
   * argon2id hash in the column `<name>Hash`, never answered or logged.
   */
  secret: boolean;
  /** The repository's and the table's name for it: `name`, or `<name>Hash` for a secret. */
  column: string;
  /** The repository's create input property (`tsInput`, or the hash's for a secret). */
  recordInput: string;
  /** A `slug(<field>)` (type `string`, unique): the field its value is derived from when a body has none. */
  derivedFrom?: string;
  /** A `refs(module)` field: the many-to-many link it stands for (no column; see links.ts). */
  links?: FieldLinks;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface Parsed {
  name: string;
  item: string;
  type: FieldType;
  arg: string | undefined;
  optional: boolean;
  unique: boolean;
  defaultRaw: string | undefined;
  derivedFrom?: string;
}

function parseItem(item: string): Parsed {
  const match = ITEM.exec(item);
  if (!match) {
    throw new GeneratorInputError(
      `Field "${item}" is malformed: write name:type with optional ? (optional), ! (unique), =default, e.g. "amount:int", "email:string!", "status:enum(open|done)=open".`,
    );
  }
  const [, name = '', typeName = '', arg, modifiers = '', defaultRaw] = match;
  if (!FIELD_NAME_PATTERN.test(name) || RESERVED_FIELDS.has(name)) {
    throw new GeneratorInputError(
      `Field name "${name}" in "${item}" is invalid or reserved: use lower camelCase letters/digits (not id, createdAt, updatedAt).`,
    );
  }
  const known = [...FIELD_TYPES, 'enum', 'ref', 'refs', 'owner', 'slug'] as string[];
  if (!known.includes(typeName)) {
    throw new GeneratorInputError(`Field type "${typeName}" in "${item}" is unknown: use one of ${known.join(', ')}.`);
  }
  if ((arg !== undefined) !== ['enum', 'ref', 'refs', 'slug'].includes(typeName)) {
    throw new GeneratorInputError(`Field "${item}" is malformed: only enum(a|b), ref(module), refs(module) and slug(field) take parentheses.`);
  }
  if (modifiers.length !== new Set(modifiers).size) throw new GeneratorInputError(`Field "${item}" repeats a modifier.`);
  if (typeName === 'slug') {
    checkSlugItem(item, modifiers, defaultRaw, arg);
    return { name, item, type: 'string', arg: undefined, optional: false, unique: true, defaultRaw, derivedFrom: arg };
  }
  return { name, item, type: typeName as FieldType, arg, optional: modifiers.includes('?'), unique: modifiers.includes('!'), defaultRaw };
}

function enumValues(p: Parsed): string[] {
  const values = (p.arg ?? '').split('|');
  if (values.length < 1 || values.some((v) => !ENUM_VALUE_PATTERN.test(v)) || new Set(values).size !== values.length) {
    throw new GeneratorInputError(`Enum values in "${p.item}" are invalid: give distinct lower camelCase words separated by |, e.g. enum(pending|paid).`);
  }
  return values;
}

function mappingOf(p: Parsed, owner: string): { m: TypeMapping; enumType: Field['enumType']; ref: FieldRef | undefined } {
  if (p.type === 'enum') {
    const values = enumValues(p);
    const union = values.map((v) => `'${v}'`).join(' | ');
    const name = `${owner}${pascal(p.name)}`;
    const m: TypeMapping = {
      ts: union, zod: `z.enum([${values.map((v) => `'${v}'`).join(', ')}])`, prisma: name, sql: `"${name}"`,
      examples: [`'${values[0]}'`, `'${values.at(-1)}'`], json: [`"${values[0]}"`, `"${values.at(-1)}"`],
      uniqueAllowed: false,
    };
    return { m, enumType: { name, values, sqlValues: values.map((v) => `'${v}'`).join(', ') }, ref: undefined };
  }
  if (p.type === 'owner') {
    if (p.optional || p.unique || p.defaultRaw !== undefined) {
      throw new GeneratorInputError(`Field "${p.item}": an owner field takes no modifier or default (it is always the signed-in user).`);
    }
    const m: TypeMapping = {
      ts: 'number', zod: 'z.number().int().min(1).max(2147483647)', prisma: 'Int', sql: 'INTEGER',
      examples: ['1', '1'], json: ['1', '1'], uniqueAllowed: false,
    };
    return { m, enumType: undefined, ref: { relation: p.name, target: moduleNames('users'), onDelete: 'CASCADE' } };
  }
  if (p.type === 'ref') {
    let target: ModuleNames;
    try {
      target = moduleNames(p.arg ?? '');
    } catch (err) {
      throw new GeneratorInputError(`Field "${p.item}" references an invalid module: ${(err as Error).message}`);
    }
    const m: TypeMapping = {
      ts: 'number', zod: 'z.number().int().min(1).max(2147483647)', prisma: 'Int', sql: 'INTEGER',
      examples: ['1', '1'], json: ['1', '1'], uniqueAllowed: true,
    };
    return { m, enumType: undefined, ref: { relation: p.name, target, onDelete: p.optional ? 'SET NULL' : 'RESTRICT' } };
  }
  return { m: MAPPINGS[p.type as keyof typeof MAPPINGS], enumType: undefined, ref: undefined };
}

function buildField(p: Parsed, owner: string, named: boolean): Field {
  if (p.type === 'refs') return linksField(p.item, p.name, p.arg, `${p.optional ? '?' : ''}${p.unique ? '!' : ''}`, p.defaultRaw, owner);
  const mapped = mappingOf(p, owner);
  const { m, enumType } = mapped;
  const ref = mapped.ref && named ? { ...mapped.ref, name: `${owner}${pascal(p.name)}` } : mapped.ref;
  if (p.unique && !m.uniqueAllowed) throw new GeneratorInputError(`Field "${p.item}": ${p.type} fields cannot be unique (!).`);
  const def: DefaultValue | undefined =
    p.defaultRaw === undefined ? undefined : parseDefault(p.type, p.defaultRaw, p.item, enumType?.values);
  const name = ref ? `${p.name}Id` : p.name;
  const secret = p.type === 'secret';
  const column = secret ? `${name}Hash` : name;
  const fill = (s: string): string => s.replaceAll('$name', name);
  const nullable = p.optional ? ' | null' : '';
  const scalar = m.prisma.replace(/^(\w+)/, p.optional ? '$1?' : '$1');
  const attrs = [p.unique ? '@unique' : '', def ? `@default(${def.prisma})` : ''].filter(Boolean);
  const prismaLine = [column, scalar.split(' ')[0], ...attrs, ...scalar.split(' ').slice(1)].join(' ');
  const cascade = ref?.onDelete === 'CASCADE' ? ', onDelete: Cascade' : '';
  const relationLine = ref
    ? `${ref.relation} ${ref.target.Entity}${p.optional ? '?' : ''} @relation(${ref.name ? `"${ref.name}", ` : ''}fields: [${name}], references: [id]${cascade})`
    : undefined;
  const map = (template: string | undefined, v: string, nullish: boolean, toRow = false): string | undefined => {
    if (template === undefined) return undefined;
    const expr = template.replaceAll('$v', v);
    if (!nullish) return expr;
    // A nullable JSONB column: Prisma writes SQL NULL for `Prisma.DbNull`, and refuses a bare `null`.
    if (toRow && m.nullRow && p.optional) return `${v} === null ? ${m.nullRow} : ${v} === undefined ? undefined : ${expr}`;
    return `${v} == null ? ${v} : ${expr}`;
  };
  const inputOptional = p.optional || def !== undefined;
  let memoryValue = `data.${column}`;
  if (def && p.optional) memoryValue = `data.${name} === undefined ? ${def.ts} : data.${name}`;
  else if (def) memoryValue = `data.${name} ?? ${def.ts}`;
  else if (p.optional) memoryValue = `data.${column} ?? null`;
  // A slug is optional in bodies only: the service derives it when absent (see slug.ts).
  let zod = p.derivedFrom === undefined ? m.zod : 'slugString';
  if (p.optional) zod += '.nullable()';
  if (inputOptional || p.derivedFrom !== undefined) zod += '.optional()';
  return {
    name,
    spec: p.item,
    type: p.type,
    optional: p.optional,
    unique: p.unique,
    hasDefault: def !== undefined,
    tsProperty: `${column}: ${m.ts}${nullable}`,
    tsInput: `${name}${inputOptional ? '?' : ''}: ${m.ts}${nullable}`,
    recordInput: `${column}${inputOptional ? '?' : ''}: ${m.ts}${nullable}`,
    zod,
    prismaLines: relationLine ? [prismaLine, relationLine] : [prismaLine],
    sql: `"${column}" ${m.sql}${p.optional ? '' : ' NOT NULL'}${def?.sql ? ` DEFAULT ${def.sql}` : ''}`,
    example: ref && p.unique ? 'uniqueNumber()' : fill(p.unique && m.unique ? m.unique : m.examples[0]),
    example2: ref && p.unique ? 'uniqueNumber()' : fill(p.unique && m.unique ? m.unique : m.examples[1]),
    uniqueExample: m.unique === undefined ? undefined : fill(m.unique),
    json: fill(m.json[0]),
    json2: fill(m.json[1]),
    fromRow: map(m.fromRow, `row.${column}`, p.optional),
    toCreate: map(m.toRow, `data.${column}`, inputOptional, true),
    toPatch: map(m.toRow, `patch.${column}`, true, true),
    memoryValue,
    enumType,
    ref,
    owner: p.type === 'owner',
    secret,
    column,
    ...(p.derivedFrom === undefined ? {} : { derivedFrom: p.derivedFrom }),
  };
}

/**
 * Parses a field spec such as `number:string! amount:decimal status:enum(open|paid)=open customer:ref(customers)`.
 * Types: string text int bigint decimal boolean datetime uuid json secret, `enum(a|b)`, `ref(module)`,
 * `refs(module)` (many-to-many, see links.ts), `owner`,
 * `slug(field)` (a `string` route key derived from another field, see slug.ts);
 * modifiers: `?` optional, `!` unique, `=value` default.
 *
 * @param spec - fields separated by whitespace.
 * @param owner - the owning entity's name (prefix of enum type names), e.g. `Order`.
 * @returns the fields in the order given.
 * @throws {GeneratorInputError} on an empty spec, a malformed item, an unknown type, a bad default,
 *   a modifier the type does not allow, a reserved or duplicate name, a second owner field, or a
 *   slug without a required string or text source (see {@link checkDerivedSources});
 *   the message names the offending item.
 */
export function parseFields(spec: string, owner = 'Model'): Field[] {
  const items = spec.trim().split(/\s+/).filter(Boolean);
  if (items.length === 0) {
    throw new GeneratorInputError('No fields given: pass them as "name:type …", e.g. "number:string amount:int".');
  }
  const parsed = items.map(parseItem);
  // Refs to one module more than once get Prisma relation names (`follower:ref(users) followed:ref(users)`).
  const targetOf = (p: Parsed): string | undefined => {
    if (p.type !== 'ref') return p.type === 'owner' ? 'users' : undefined;
    try { return moduleNames(p.arg ?? '').name; } catch { return p.arg; } // refused with its message when built
  };
  const counts = new Map<string, number>();
  for (const p of parsed) {
    const target = targetOf(p);
    if (target !== undefined) counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const fields = parsed.map((p) => {
    const target = targetOf(p);
    const field = buildField(p, owner, target !== undefined && (counts.get(target) ?? 0) > 1);
    for (const used of [...new Set([field.name, field.column, field.ref?.relation])].filter((n): n is string => n !== undefined)) {
      if (seen.has(used)) throw new GeneratorInputError(`Field "${used}" is given twice (in "${p.item}").`);
      seen.add(used);
    }
    if (field.owner && parsed.some((other) => other !== p && other.type === 'owner')) {
      throw new GeneratorInputError(`Field "${p.item}": a module has at most one owner field.`);
    }
    return field;
  });
  checkDerivedSources(fields);
  return fields;
}

/**
 * Canonical spelling of a field spec (single spaces), as recorded in `scaffold.json`.
 *
 * @param spec - the spec as typed.
 * @returns the items joined by one space.
 */
export function normaliseSpec(spec: string): string {
  return spec.trim().split(/\s+/).join(' ');
}
