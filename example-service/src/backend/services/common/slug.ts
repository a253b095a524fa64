import { randomBytes } from 'node:crypto';
import slugify from 'slugify';

/** Longest slug {@link slugOf} makes: room for a `-<suffix>` of {@link freeSlug} within a 255-character column. */
export const MAX_SLUG_LENGTH = 240;
/** How many numbered suffixes (`-2` … `-20`) {@link freeSlug} tries before a random one. */
const NUMBERED_TRIES = 19;

/**
 * The URL slug of a text: lower-case ASCII letters and digits, words joined by `-`, e.g.
 * `"Héllo, Wörld!"` → `hello-world`. Transliteration and symbol names (`&` → `and`) are the
 * `slugify` package's (its `strict` mode, see its README); what is left is cut to at most
 * {@link MAX_SLUG_LENGTH} characters at a word boundary when one is near.
 *
 * @pure
 * @param source - any text, e.g. a title.
 * @param fallback - the slug when nothing of `source` is left (only symbols, or a script
 *   `slugify` does not transliterate), e.g. the entity's name; must itself be a slug.
 * @returns a slug matching `^[a-z0-9]+(-[a-z0-9]+)*$`.
 */
export function slugOf(source: string, fallback: string): string {
  const words = slugify(source, { lower: true, strict: true, trim: true }).split('-').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) {
      if (slug === '') slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  return slug === '' ? fallback : slug;
}

/**
 * The first free slug derived from `base`: `base` itself, then `base-2` … `base-20`, then
 * `base-<8 random hex digits>`. Free means `taken` answers `false`; a row created between the
 * check and the insert still meets the column's unique index (the caller's 409).
 *
 * @param base - a slug (see {@link slugOf}).
 * @param taken - whether a row already has this slug (one lookup per candidate).
 * @returns the chosen slug, at most {@link MAX_SLUG_LENGTH} + 9 characters.
 */
export async function freeSlug(base: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; n < 2 + NUMBERED_TRIES; n += 1) {
    const candidate = `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${base}-${randomBytes(4).toString('hex')}`;
}
