import { GeneratorInputError } from './errors.js';
import type { Field } from './fields.js';
import type { ModuleNames } from './naming.js';

/** Field types a route key may have: strings that identify a row in a URL segment. */
const KEY_TYPES = new Set(['string', 'uuid']);
/**
 * What a string route key may hold: RFC 3986 unreserved characters (section 2.3), so that it is
 * its own URL segment, not starting with `.`: no dot segment (`.`, `..`), which URL resolution
 * removes (section 5.2.4).
 */
const KEY_PATTERN = '/^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/';

/** The route key of a module addressed by a unique field instead of its id (`--key slug`). */
export interface RouteKey {
  /** The key field's property, also the path parameter: `GET /<route>/:<name>`. */
  name: string;
  /** `Slug` in `findBySlug`. */
  Name: string;
  /** zod expression validating the path segment: the field's own (required, not nullable). */
  zod: string;
  /** The key field's zod in bodies: the field's own, a string limited to {@link KEY_PATTERN}. */
  bodyZod: string;
  /** A valid key no row has, as a URL segment (the 404 tests). */
  absent: string;
  /** A path segment the key's schema refuses, as TypeScript source (the 400 tests). */
  invalid: string;
}

/**
 * Reads `--key <field>`: the module's item routes become `/<route>/:<field>` and look the row up by
 * that field, which must be a required unique string or uuid (`slug:string!`); a string key holds
 * only what a URL segment carries as is (see `KEY_PATTERN`), in bodies too.
 *
 * @param key - the option as given (a field's name), or `undefined`.
 * @param fields - the module's parsed fields.
 * @param names - the module's names (for messages).
 * @returns the route key, or `undefined` without the option.
 * @throws {GeneratorInputError} when the field is unknown, not unique, optional, or of another type.
 */
export function parseRouteKey(key: string | undefined, fields: Field[], names: ModuleNames): RouteKey | undefined {
  if (key === undefined) return undefined;
  const name = key.trim();
  const field = fields.find((f) => f.name === name);
  if (!field) throw new GeneratorInputError(`--key=${name}: "${name}" is not a field of "${names.name}" (fields: ${fields.map((f) => f.name).join(', ')}).`);
  if (!KEY_TYPES.has(field.type)) throw new GeneratorInputError(`--key=${name}: a route key is a string or uuid field, not ${field.type}.`);
  if (!field.unique || field.optional) {
    throw new GeneratorInputError(`--key=${name}: a route key must be unique and required: write "${name}:${field.type}!" (no "?").`);
  }
  const own = field.zod.replace(/\.nullable\(\)|\.optional\(\)/g, '');
  // A slug's own schema (`slugString`) already admits only unreserved characters.
  const base = field.type === 'string' && field.derivedFrom === undefined ? `${own}.regex(${KEY_PATTERN}, { error: 'letters, digits and - . _ ~ only, not starting with .' })` : own;
  return {
    name,
    Name: name.charAt(0).toUpperCase() + name.slice(1),
    zod: base,
    bodyZod: field.zod.replace(own, base),
    absent: field.type === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'no-such-key',
    invalid: field.type === 'uuid' ? "'not-a-uuid'" : "'x'.repeat(256)",
  };
}
