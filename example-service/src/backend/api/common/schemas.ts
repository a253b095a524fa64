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
