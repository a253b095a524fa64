import { GeneratorInputError } from './errors.js';
import type { Field } from './fields.js';

/** Field types a slug may be derived from: text a person wrote, e.g. a title. */
const SOURCE_TYPES = new Set(['string', 'text']);

/**
 * Checks the modifiers of a `slug(<field>)` item: a derived key is always unique and required
 * (the service fills it when a body has none), so it takes no `?`, no default and no argument
 * but one field name.
 *
 * @param item - the item as given, e.g. `slug:slug(title)`.
 * @param modifiers - its `?`/`!` modifiers; `!` is allowed (it is unique anyway).
 * @param defaultRaw - its `=default`, if any.
 * @param source - the name in parentheses.
 * @throws {GeneratorInputError} naming the item.
 */
export function checkSlugItem(item: string, modifiers: string, defaultRaw: string | undefined, source: string | undefined): void {
  if (modifiers.includes('?') || defaultRaw !== undefined) {
    throw new GeneratorInputError(`Field "${item}": a slug is always required and derived when absent: drop the "?" and the default.`);
  }
  if (source === undefined || !/^[a-z][a-zA-Z0-9]*$/.test(source)) {
    throw new GeneratorInputError(`Field "${item}": write slug(<field>) with the field it is derived from, e.g. "slug:slug(title)".`);
  }
}

/** Whether a field can be a slug's source: a required `string` or `text`, no default, not itself derived. */
const canSource = (f: Field): boolean => SOURCE_TYPES.has(f.type) && !f.optional && !f.hasDefault && f.derivedFrom === undefined;

/**
 * Checks the derived fields of a module against the others: each names a required `string` or
 * `text` field of the same module without a default (a body that left both out would have no text
 * to derive from), and a module has at most one slug.
 *
 * @param fields - the module's parsed fields.
 * @throws {GeneratorInputError} naming the slug and what is wrong with its source.
 */
export function checkDerivedSources(fields: Field[]): void {
  const slugs = fields.filter((f) => f.derivedFrom !== undefined);
  if (slugs.length > 1) throw new GeneratorInputError(`Fields "${slugs.map((f) => f.spec).join('", "')}": a module has at most one slug(…) field.`);
  for (const slug of slugs) {
    const source = fields.find((f) => f.name === slug.derivedFrom);
    if (!source || !canSource(source)) {
      const names = fields.filter(canSource).map((f) => f.name);
      throw new GeneratorInputError(
        `Field "${slug.spec}": a slug is derived from a required string or text field of the module with no default (${names.length > 0 ? `candidates: ${names.join(', ')}` : 'it has none'}).`,
      );
    }
  }
}

/** The derived key of a module, as the templates use it: `slugFor(values.<source>)` in `create`. */
export interface DerivedKey {
  /** The slug field, e.g. `slug`. */
  name: string;
  /** The field it is derived from, e.g. `title`. */
  source: string;
  /** The slug when nothing of the source is left, e.g. `line-item` (the entity's words). */
  fallback: string;
}

/**
 * The module's derived key (a `slug(<field>)` field), which must be its route key: the service
 * looks a candidate up by it (`findBy<Key>`) to make it unique with a suffix.
 *
 * @param fields - the module's parsed fields.
 * @param key - its `--key`, if any.
 * @param auth - whether the module has `--auth`, which a derived key does not support yet.
 * @param words - the entity's words, e.g. `line item` (the fallback slug `line-item`).
 * @returns the derived key, or `undefined` when the module has no slug field.
 * @throws {GeneratorInputError} when the slug is not the `--key`, or the module has `--auth`.
 */
export function derivedKeyOf(fields: Field[], key: string | undefined, auth: boolean, words: string): DerivedKey | undefined {
  const slug = fields.find((f) => f.derivedFrom !== undefined);
  if (!slug?.derivedFrom) return undefined;
  if (key !== slug.name) throw new GeneratorInputError(`Field "${slug.spec}": a slug is the module's route key: add --key=${slug.name}.`);
  if (auth) throw new GeneratorInputError(`Field "${slug.spec}": a slug(…) key cannot be combined with --auth: not supported yet.`);
  return { name: slug.name, source: slug.derivedFrom, fallback: words.split(' ').join('-') };
}
