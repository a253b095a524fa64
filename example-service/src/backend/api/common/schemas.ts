import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../services/common/index.js';

/** Largest id PostgreSQL's INTEGER (and so SERIAL) holds. */
export const MAX_ID = 2147483647;

/** A positive integer id in the path: digits only, no sign, exponent or spaces; ≤ {@link MAX_ID}. */
export const idParams = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'must be a positive integer')
    .transform(Number)
    .pipe(z.number().max(MAX_ID, `must be at most ${MAX_ID}`)),
});

const nonNegativeInt = (max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,10}$/, 'must be a non-negative integer')
    .transform(Number)
    .pipe(z.number().int().max(max));

/** `?limit=&offset=` of list routes; limit 1..{@link MAX_PAGE_SIZE}, unknown keys refused. */
export const pageQuery = z.strictObject({
  limit: nonNegativeInt(MAX_PAGE_SIZE).pipe(z.number().min(1)).default(DEFAULT_PAGE_SIZE),
  offset: nonNegativeInt(MAX_ID).default(0),
});

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
