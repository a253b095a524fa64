import { GeneratorInputError } from './errors.js';

/** Field types the `endpoint` generator understands. */
export const FIELD_TYPES = ['string', 'text', 'int', 'decimal', 'boolean', 'datetime'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Field names: lower camelCase ASCII, at most 63 characters (PostgreSQL's identifier limit). */
const FIELD_NAME_PATTERN = /^[a-z][a-zA-Z0-9]{0,62}$/;
const RESERVED_FIELDS = new Set(['id', 'createdAt', 'updatedAt', ...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** How one field type appears in every layer. */
interface TypeMapping {
  /** TypeScript type of the entity property. */
  ts: string;
  /** zod schema expression (request validation; strings always bounded). */
  zod: string;
  /** Prisma scalar with native type attribute. */
  prisma: string;
  /** PostgreSQL column type, as Prisma's migration engine writes it. */
  sql: string;
  /** Two distinct example values as TypeScript source (domain values). */
  examples: [string, string];
  /** The same examples as JSON source (what a client sends). */
  json: [string, string];
  /** Expression turning the Prisma row's value into the entity's (`v` stands for the value). */
  fromRow?: string;
}

const MAPPINGS: Record<FieldType, TypeMapping> = {
  string: {
    ts: 'string', zod: 'z.string().min(1).max(255)', prisma: 'String @db.VarChar(255)', sql: 'VARCHAR(255)',
    examples: ["'$name-1'", "'$name-2'"], json: ['"$name-1"', '"$name-2"'],
  },
  text: {
    ts: 'string', zod: 'z.string().max(10000)', prisma: 'String', sql: 'TEXT',
    examples: ["'Some $name.'", "'Other $name.'"], json: ['"Some $name."', '"Other $name."'],
  },
  int: {
    ts: 'number', zod: 'z.number().int().min(-2147483648).max(2147483647)', prisma: 'Int', sql: 'INTEGER',
    examples: ['42', '7'], json: ['42', '7'],
  },
  decimal: {
    ts: 'string', zod: 'decimalString',
    prisma: 'Decimal @db.Decimal(12, 2)', sql: 'DECIMAL(12,2)',
    examples: ["'12.34'", "'56.78'"], json: ['"12.34"', '"56.78"'], fromRow: '$v.toFixed(2)',
  },
  boolean: {
    ts: 'boolean', zod: 'z.boolean()', prisma: 'Boolean', sql: 'BOOLEAN',
    examples: ['true', 'false'], json: ['true', 'false'],
  },
  datetime: {
    ts: 'Date', zod: 'z.iso.datetime({ offset: true }).pipe(z.coerce.date())', prisma: 'DateTime', sql: 'TIMESTAMP(3)',
    examples: ["new Date('2026-01-31T12:00:00.000Z')", "new Date('2026-02-28T08:30:00.000Z')"],
    json: ['"2026-01-31T12:00:00.000Z"', '"2026-02-28T08:30:00.000Z"'],
  },
};

/** A parsed field with every spelling the templates need. */
export interface Field {
  name: string;
  type: FieldType;
  optional: boolean;
  /** `name: type` or `name: type | null` for the entity interface. */
  tsProperty: string;
  /** `name?: type | null` or `name: type` for the create input. */
  tsInput: string;
  /** zod expression for create (optional ones `.nullable().optional()`). */
  zod: string;
  /** Prisma model line body, e.g. `amount Int`. */
  prisma: string;
  /** Migration column line, e.g. `"amount" INTEGER NOT NULL`. */
  sql: string;
  example: string;
  example2: string;
  json: string;
  json2: string;
  /** Mapping from a row's value, or `undefined` when the value is used as is. */
  fromRow: string | undefined;
}

/**
 * Parses a field spec such as `number:string amount:int note:text?`.
 *
 * @param spec - fields separated by whitespace, each `name:type` with an optional trailing `?`.
 * @returns the fields in the order given.
 * @throws {GeneratorInputError} on an empty spec, a malformed item, an unknown type, a reserved or
 *   duplicate name; the message names the offending item.
 */
export function parseFields(spec: string): Field[] {
  const items = spec.trim().split(/\s+/).filter(Boolean);
  if (items.length === 0) {
    throw new GeneratorInputError('No fields given: pass them as "name:type …", e.g. "number:string amount:int".');
  }
  const seen = new Set<string>();
  return items.map((item) => {
    const match = /^([^:]+):([a-z]+)(\?)?$/.exec(item);
    if (!match) {
      throw new GeneratorInputError(`Field "${item}" is malformed: write name:type, e.g. "amount:int" or "note:text?".`);
    }
    const [, name = '', typeName = '', question] = match;
    if (!FIELD_NAME_PATTERN.test(name) || RESERVED_FIELDS.has(name)) {
      throw new GeneratorInputError(
        `Field name "${name}" in "${item}" is invalid or reserved: use lower camelCase letters/digits (not id, createdAt, updatedAt).`,
      );
    }
    if (!(FIELD_TYPES as readonly string[]).includes(typeName)) {
      throw new GeneratorInputError(`Field type "${typeName}" in "${item}" is unknown: use one of ${FIELD_TYPES.join(', ')}.`);
    }
    if (seen.has(name)) throw new GeneratorInputError(`Field "${name}" is given twice.`);
    seen.add(name);
    return buildField(name, typeName as FieldType, question === '?');
  });
}

function fromRow(template: string | undefined, value: string, optional: boolean): string | undefined {
  if (template === undefined) return undefined;
  const expr = template.replaceAll('$v', value);
  return optional ? `${value} === null ? null : ${expr}` : expr;
}

function buildField(name: string, type: FieldType, optional: boolean): Field {
  const m = MAPPINGS[type];
  const fill = (s: string): string => s.replaceAll('$name', name);
  return {
    name,
    type,
    optional,
    tsProperty: `${name}: ${m.ts}${optional ? ' | null' : ''}`,
    tsInput: optional ? `${name}?: ${m.ts} | null` : `${name}: ${m.ts}`,
    zod: optional ? `${m.zod}.nullable().optional()` : m.zod,
    prisma: `${name} ${m.prisma.replace(/^(\w+)/, optional ? '$1?' : '$1')}`,
    sql: `"${name}" ${m.sql}${optional ? '' : ' NOT NULL'}`,
    example: fill(m.examples[0]),
    example2: fill(m.examples[1]),
    json: fill(m.json[0]),
    json2: fill(m.json[1]),
    fromRow: fromRow(m.fromRow, `row.${name}`, optional),
  };
}
