import { z } from 'zod';
import { Secret } from '../../services/common/index.js';
import { MAX_ID } from './schemas.js';

// The value schemas of generated fields: each accepts only what its PostgreSQL column stores
// exactly, so an accepted body never fails in the database (5xx) and reads back as it was parsed.
// Normalisations (the parsed value is what is stored and answered) are named on each schema.

/** A string with U+0000 (PostgreSQL text and JSONB cannot hold it) or an unpaired surrogate (not encodable in UTF-8). */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this pattern finds
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_MESSAGE = 'must not contain U+0000 or an unpaired surrogate (PostgreSQL cannot store them)';

/**
 * Tells whether PostgreSQL's text (and JSONB strings) can store a string exactly.
 *
 * @param value - the string.
 * @returns false when it holds U+0000 or an unpaired UTF-16 surrogate.
 */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * A string a `VARCHAR`/`TEXT` column stores exactly (no U+0000, no unpaired surrogate); chain the
 * bounds, e.g. `storableString.min(1).max(255)`. Not normalised.
 */
export const storableString = z.string().refine(isStorableText, { message: UNSTORABLE_MESSAGE });

/**
 * A `secret` field's value (a password, an API key): 12–128 characters PostgreSQL's text can hold,
 * wrapped in a {@link Secret} at once, so no log line or answer can show it; the service stores
 * only its argon2id hash (the bounds are the auth module's passwords', OWASP Password Storage).
 */
export const secretString = storableString.min(12).max(128).transform((value) => new Secret(value));

/**
 * A DECIMAL(12,2) value sent as a string (no binary floating point): an optional minus, 1–10
 * digits, optionally a point and 1–2 digits. Normalised to exactly two decimals (`"5"` → `"5.00"`),
 * the form PostgreSQL stores and the Prisma adapter returns, so every adapter answers alike.
 */
export const decimalString = z
  .string()
  .regex(/^-?[0-9]{1,10}(\.[0-9]{1,2})?$/, 'must be a decimal string with at most 10 digits before and 2 after the point')
  .transform((value) => {
    const [whole = '0', fraction = ''] = value.split('.');
    const digits = whole.replace(/^(-?)0+(?=\d)/, '$1');
    const normalised = `${digits}.${fraction.padEnd(2, '0')}`;
    return /^-0\.00$/.test(normalised) ? '0.00' : normalised;
  });

/**
 * A BIGINT sent as a string of at most 18 digits (JSON numbers lose precision past 2^53).
 * Normalised to its canonical spelling (`"007"` → `"7"`, `"-0"` → `"0"`), as PostgreSQL answers it.
 */
export const bigintString = z
  .string()
  .regex(/^-?[0-9]{1,18}$/, 'must be an integer string of at most 18 digits')
  .transform((value) => BigInt(value).toString());

/**
 * A URL slug (a `slug(<field>)` route key): lower-case ASCII letters and digits, words joined by
 * `-`, at most 255 characters, e.g. `hello-world-2`; what the service derives when a body has none.
 */
export const slugString = z
  .string()
  .max(255)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits, words joined by -');

/** A UUID (RFC 9562). Normalised to lower case, as PostgreSQL's `uuid` type answers it. */
export const uuidString = z.uuid().transform((value) => value.toLowerCase());

/** More than three fractional digits of a second that are not all zeros: TIMESTAMP(3) would drop them. */
const SUB_MILLISECOND = /\.\d{3}\d*[1-9]/;

/**
 * An instant as ISO 8601 / RFC 3339 with an offset (`Z` or `±hh:mm`), stored in a TIMESTAMP(3)
 * column as UTC. Refused: more precision than a millisecond, and an instant outside the years
 * 0001–9999 once converted to UTC (e.g. `9999-12-31T23:59:59.999-14:00`), which PostgreSQL's
 * driver cannot carry. Normalised to a `Date` (answered as `toISOString()`: UTC, milliseconds).
 */
export const datetimeString = z.iso
  .datetime({ offset: true })
  .refine((value) => !SUB_MILLISECOND.test(value), { message: 'must not be more precise than a millisecond' })
  .pipe(z.coerce.date())
  .refine((date) => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999, {
    message: 'must fall within the years 0001-9999 once converted to UTC',
  });

/** Deepest nesting a JSON field accepts (PostgreSQL's JSONB parser is recursive). */
export const MAX_JSON_DEPTH = 32;

/**
 * Finds what a JSONB column could not store exactly in a JSON value.
 *
 * @param value - a value produced by `JSON.parse`.
 * @param depth - its nesting depth so far.
 * @returns a message, or `undefined` when every key and string is storable and nesting is bounded.
 */
function jsonProblem(value: unknown, depth = 1): string | undefined {
  if (depth > MAX_JSON_DEPTH) return `must not nest deeper than ${MAX_JSON_DEPTH} levels`;
  if (typeof value === 'string') return isStorableText(value) ? undefined : `strings ${UNSTORABLE_MESSAGE}`;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (!isStorableText(key)) return `keys ${UNSTORABLE_MESSAGE}`;
    const found = jsonProblem(item, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * A JSON object for a JSONB column: keys and strings storable (see {@link isStorableText}),
 * nesting at most {@link MAX_JSON_DEPTH}, top-level keys of at most 255 characters and never
 * `__proto__` (a record would drop it).
 * Not normalised by us; JSONB itself does not keep key order, so an object reads back with the same
 * keys and values in PostgreSQL's order.
 */
export const jsonObject = z
  .record(storableString.max(255).refine((key) => key !== '__proto__', { message: 'must not be __proto__' }), z.unknown())
  .superRefine((value, ctx) => {
    const problem = jsonProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Most rows one `refs(<module>)` field links at once (the join table's rows per row). */
export const MAX_LINKS = 100;

/**
 * The linked rows' ids of a `refs(<module>)` field in a body: positive INTEGER ids, at most
 * {@link MAX_LINKS}, none repeated (a repeat is refused, never silently dropped). Normalised to
 * ascending order, the order every adapter answers them in. A missing row is refused later, by
 * the join table's foreign key (422 `<SCOPE>.INVALID`).
 */
export const linkIds = z
  .array(z.number().int().min(1).max(MAX_ID))
  .max(MAX_LINKS)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat an id' })
  .transform((ids) => [...ids].sort((a, b) => a - b));

/** The same ids in a query string, comma-separated (`?labels=1,2`): a list filter. */
export const linkIdsQuery = z
  .string()
  .regex(/^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9})*$/, 'must be positive integer ids separated by commas')
  .transform((value) => value.split(',').map(Number))
  .pipe(linkIds);
