import { GeneratorInputError } from './errors.js';

/**
 * Scalar field types the `endpoint` generator understands (plus `enum(…)`, `ref(…)` and `owner`).
 * `secret` is write-only: accepted in bodies, stored as its argon2id hash, never answered or logged.
 */
export const FIELD_TYPES = ['string', 'text', 'int', 'bigint', 'decimal', 'boolean', 'datetime', 'uuid', 'json', 'secret'] as const;
export type ScalarType = (typeof FIELD_TYPES)[number];
export type FieldType = ScalarType | 'enum' | 'ref' | 'owner' | 'refs';

/** How one field type appears in every layer. `$name` stands for the field name, `$v` for a value. */
export interface TypeMapping {
  /** TypeScript type of the entity property. */
  ts: string;
  /**
   * zod schema expression (request validation; strings always bounded). Helpers from the service's
   * `api/common/field-schemas.ts` (see {@link SCHEMA_HELPERS}) accept only what the column stores exactly.
   */
  zod: string;
  /** Prisma scalar with native type attribute; the first word is the scalar. */
  prisma: string;
  /** PostgreSQL column type, as Prisma's migration engine writes it. */
  sql: string;
  /** Two distinct example values as TypeScript source (domain values). */
  examples: [string, string];
  /** The same examples as JSON source (what a client sends). */
  json: [string, string];
  /** A value distinct on every call (TypeScript source), for unique fields in fixtures. */
  unique?: string;
  /** Expression turning the Prisma row's value into the entity's. */
  fromRow?: string;
  /** Expression turning the entity's value into Prisma's input. */
  toRow?: string;
  /** Prisma's input for `null` when it is not `null` itself (a nullable JSONB column takes `Prisma.DbNull`). */
  nullRow?: string;
  /** Whether `!` (unique) is allowed. */
  uniqueAllowed: boolean;
}

const UNIQUE_NUMBER = 'uniqueNumber()';

/** The value schemas of `api/common/field-schemas.ts` that field zod expressions may use (imported by name). */
export const SCHEMA_HELPERS = ['bigintString', 'datetimeString', 'decimalString', 'jsonObject', 'linkIds', 'linkIdsQuery', 'secretString', 'slugString', 'storableString', 'uuidString'] as const;

/** Every scalar type, mapped through zod, TypeScript, Prisma, SQL and examples. */
export const MAPPINGS: Record<ScalarType, TypeMapping> = {
  string: {
    ts: 'string', zod: 'storableString.min(1).max(255)', prisma: 'String @db.VarChar(255)', sql: 'VARCHAR(255)',
    examples: ["'$name-1'", "'$name-2'"], json: ['"$name-1"', '"$name-2"'], unique: `\`$name-\${${UNIQUE_NUMBER}}\``,
    uniqueAllowed: true,
  },
  text: {
    ts: 'string', zod: 'storableString.max(10000)', prisma: 'String', sql: 'TEXT',
    examples: ["'Some $name.'", "'Other $name.'"], json: ['"Some $name."', '"Other $name."'],
    unique: `\`Some $name \${${UNIQUE_NUMBER}}.\``, uniqueAllowed: true,
  },
  int: {
    ts: 'number', zod: 'z.number().int().min(-2147483648).max(2147483647)', prisma: 'Int', sql: 'INTEGER',
    examples: ['42', '7'], json: ['42', '7'], unique: UNIQUE_NUMBER, uniqueAllowed: true,
  },
  bigint: {
    ts: 'string', zod: 'bigintString',
    prisma: 'BigInt', sql: 'BIGINT',
    examples: ["'9007199254740993'", "'-5'"], json: ['"9007199254740993"', '"-5"'], unique: `String(${UNIQUE_NUMBER})`,
    fromRow: '$v.toString()', toRow: 'BigInt($v)', uniqueAllowed: true,
  },
  decimal: {
    ts: 'string', zod: 'decimalString', prisma: 'Decimal @db.Decimal(12, 2)', sql: 'DECIMAL(12,2)',
    examples: ["'12.34'", "'56.78'"], json: ['"12.34"', '"56.78"'], unique: `\`\${${UNIQUE_NUMBER}}.00\``,
    fromRow: '$v.toFixed(2)', uniqueAllowed: true,
  },
  boolean: {
    ts: 'boolean', zod: 'z.boolean()', prisma: 'Boolean', sql: 'BOOLEAN',
    examples: ['true', 'false'], json: ['true', 'false'], uniqueAllowed: false,
  },
  datetime: {
    ts: 'Date', zod: 'datetimeString', prisma: 'DateTime', sql: 'TIMESTAMP(3)',
    examples: ["new Date('2026-01-31T12:00:00.000Z')", "new Date('2026-02-28T08:30:00.000Z')"],
    json: ['"2026-01-31T12:00:00.000Z"', '"2026-02-28T08:30:00.000Z"'],
    unique: `new Date(Date.UTC(2026, 0, 1) + ${UNIQUE_NUMBER} * 1000)`, uniqueAllowed: true,
  },
  uuid: {
    ts: 'string', zod: 'uuidString', prisma: 'String @db.Uuid', sql: 'UUID',
    examples: ["'6f1c2a9e-4b3d-4c5e-8f70-1a2b3c4d5e6f'", "'0b7e5d4c-3a2f-4e1d-9c8b-7a6f5e4d3c2b'"],
    json: ['"6f1c2a9e-4b3d-4c5e-8f70-1a2b3c4d5e6f"', '"0b7e5d4c-3a2f-4e1d-9c8b-7a6f5e4d3c2b"'],
    unique: 'randomUUID()', uniqueAllowed: true,
  },
  json: {
    ts: '{ [key: string]: unknown }', zod: 'jsonObject', prisma: 'Json', sql: 'JSONB',
    examples: ["{ label: '$name-1', n: 1 }", "{ label: '$name-2', tags: ['a'] }"],
    json: ['{ "label": "$name-1", "n": 1 }', '{ "label": "$name-2", "tags": ["a"] }'],
    fromRow: '$v as { [key: string]: unknown }', toRow: '$v as Prisma.InputJsonObject', nullRow: 'Prisma.DbNull',
    uniqueAllowed: false,
  },
  // A secret's column is `<name>Hash` (an argon2id PHC string); `fromRow`/`toRow` map that column.
  secret: {
    ts: 'Secret', zod: 'secretString', prisma: 'String', sql: 'TEXT',
    examples: ["new Secret('$name fixture secret 1')", "new Secret('$name fixture secret 2')"],
    json: ['"$name example secret 1"', '"$name example secret 2"'],
    fromRow: 'new Secret($v)', toRow: '$v.reveal()', uniqueAllowed: false,
  },
};

/** A default value in every spelling: TypeScript source, Prisma attribute argument, SQL. */
export interface DefaultValue {
  ts: string;
  prisma: string;
  /** `undefined` when Prisma generates it client-side (e.g. `uuid()`), so the column has none. */
  sql: string | undefined;
}

const SIMPLE_STRING = /^[A-Za-z0-9_.@-]{1,255}$/;

/**
 * Parses `=value` of a field for its type.
 *
 * @param type - the field's type.
 * @param raw - the text after `=`.
 * @param item - the whole field item, for messages.
 * @param enumValues - the values of an `enum(…)` field.
 * @returns the default in every spelling.
 * @throws {GeneratorInputError} when the type takes no default or the value does not fit it.
 */
export function parseDefault(type: FieldType, raw: string, item: string, enumValues: string[] = []): DefaultValue {
  const bad = (hint: string): never => {
    throw new GeneratorInputError(`Default "${raw}" in "${item}" is invalid: ${hint}.`);
  };
  switch (type) {
    case 'string':
    case 'text':
      if (!SIMPLE_STRING.test(raw)) bad('use letters, digits, _ . @ - only');
      return { ts: `'${raw}'`, prisma: `"${raw}"`, sql: `'${raw}'` };
    case 'int':
    case 'bigint': {
      const limit = type === 'int' ? 2147483647n : 999999999999999999n;
      if (!/^-?[0-9]{1,19}$/.test(raw) || BigInt(raw) > limit || BigInt(raw) < -limit - 1n) bad(`use an integer within ${type} range`);
      const n = BigInt(raw).toString();
      return { ts: type === 'int' ? n : `'${n}'`, prisma: n, sql: n };
    }
    case 'decimal': {
      if (!/^-?[0-9]{1,10}(\.[0-9]{1,2})?$/.test(raw)) bad('use at most 10 digits before and 2 after the point');
      const [whole = '0', fraction = ''] = raw.split('.');
      const fixed = `${whole.replace(/^(-?)0+(?=\d)/, '$1')}.${fraction.padEnd(2, '0')}`.replace(/^-0\.00$/, '0.00');
      return { ts: `'${fixed}'`, prisma: fixed, sql: fixed };
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') bad('use true or false');
      return { ts: raw, prisma: raw, sql: raw };
    case 'datetime':
      if (raw !== 'now') bad('the only datetime default is now');
      return { ts: 'new Date()', prisma: 'now()', sql: 'CURRENT_TIMESTAMP' };
    case 'uuid':
      if (raw !== 'uuid') bad('the only uuid default is uuid (a random one)');
      return { ts: 'randomUUID()', prisma: 'uuid()', sql: undefined };
    case 'enum':
      if (!enumValues.includes(raw)) bad(`use one of ${enumValues.join(', ')}`);
      return { ts: `'${raw}'`, prisma: raw, sql: `'${raw}'` };
    default:
      return bad(`${type} fields take no default`);
  }
}
