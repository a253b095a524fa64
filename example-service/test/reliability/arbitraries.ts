import fc from 'fast-check';

/** The part of JSON Schema 2020-12 that zod writes for generated request bodies. */
export interface BodySchema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: BodySchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, BodySchema>;
  required?: string[];
  items?: BodySchema;
  maxItems?: number;
  additionalProperties?: unknown;
}

/** Code units a database may not store as sent: NUL, lone surrogates, astral and odd BMP characters. */
const awkward = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\uffff', '\ufeff', '\u00e9', '\u0301', ' ', '\\', '"', "'");
const anyUnit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), awkward);

/** Strings near a column's limits: any code point, lone surrogates, NUL, the length bounds. */
function stringArb(schema: BodySchema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 64;
  const short = Math.min(max + 1, 24);
  return fc.oneof(
    fc.string({ unit: anyUnit, maxLength: short }),
    fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: short }),
    fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), `${'x'.repeat(Math.max(max - 1, 0))}\ud83d\ude00`),
  );
}

const MIN_MS = -62135596800000 - 2 * 86_400_000; // two days before 0001-01-01T00:00:00Z
const MAX_MS = 253402300799999 + 2 * 86_400_000; // two days after 9999-12-31T23:59:59.999Z
const two = (n: number): string => String(n).padStart(2, '0');

/**
 * ISO 8601 instants with an offset, across (and just past) PostgreSQL's usable range: any offset
 * from -14:00 to +14:00, fractions from none to microseconds.
 */
const datetimeArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      seconds: fc.integer({ min: Math.floor(MIN_MS / 1000), max: Math.floor(MAX_MS / 1000) }),
      offset: fc.integer({ min: -14 * 60, max: 14 * 60 }),
      fraction: fc.constantFrom('', '.5', '.123', '.120', '.123000', '.1234', '.000001', '.999999'),
    })
    .map(({ seconds, offset, fraction }) => {
      const local = new Date(seconds * 1000 + offset * 60_000);
      const year = local.getUTCFullYear();
      if (year < 0 || year > 9999) return '2026-01-01T00:00:00Z';
      const sign = offset < 0 ? '-' : '+';
      const zone = offset === 0 ? 'Z' : `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
      return `${String(year).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}${fraction}${zone}`;
    }),
  fc.constantFrom('9999-12-31T23:59:59.999-14:00', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00+14:00', '0001-01-01T00:00:00.000Z', '2026-02-29T00:00:00Z', '2024-02-29T12:00:00+05:30'),
);

/** JSON values whose strings and keys may hold anything a client can send. */
const jsonValueArb = fc.jsonValue({ maxDepth: 3, stringUnit: anyUnit });

/**
 * Values for one property schema: mostly inside its bounds (so many bodies are accepted), with
 * what only the database would refuse (NUL, lone surrogates, years past 9999 in UTC, …).
 *
 * @param schema - the property's JSON Schema.
 * @returns an arbitrary of JSON values.
 */
export function valueArb(schema: BodySchema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(valueArb));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = schema.minimum ?? -(2 ** 31);
      const max = schema.maximum ?? 2 ** 31 - 1;
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(...[min, max, 1, 2, 3].filter((n) => n >= min && n <= max)));
    }
    case 'array':
      // A `refs(…)` field's ids: none, a few valid ones (ascending, no repeats, as answered), or any JSON.
      return fc.oneof(
        fc.constant([]),
        fc.uniqueArray(valueArb(schema.items ?? {}), { maxLength: Math.min(schema.maxItems ?? 3, 3) }).map((a) => [...a].sort((x, y) => Number(x) - Number(y))),
        jsonValueArb,
      );
    case 'object':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), awkward, fc.constant('__proto__')), jsonValueArb, { maxKeys: 4 });
    case 'string':
      if (schema.format === 'date-time') return datetimeArb;
      if (schema.format === 'uuid') return fc.tuple(fc.uuid(), fc.boolean()).map(([u, upper]) => (upper ? u.toUpperCase() : u));
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return stringArb(schema);
    default:
      return jsonValueArb;
  }
}

/**
 * Bodies for an object schema: every property from {@link valueArb}; the required ones always
 * present (a create body), or none required (a patch).
 *
 * @param schema - the body's JSON Schema.
 * @param allOptional - whether required properties may be left out too.
 * @returns an arbitrary of bodies.
 */
export function bodyArb(schema: BodySchema, allOptional = false): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const arbs = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, valueArb(value)]));
  return fc.record(arbs, { requiredKeys: allOptional ? [] : (schema.required ?? []) }) as fc.Arbitrary<Record<string, unknown>>;
}
