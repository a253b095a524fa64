/**
 * Tells whether a thrown value is a Prisma known request error with the given code (Prisma error
 * reference: https://www.prisma.io/docs/orm/reference/error-reference), without importing the
 * generated runtime.
 *
 * @param err - the thrown value.
 * @param code - a Prisma error code, e.g. `P2025` (record not found) or `P2002` (unique violation).
 * @returns true when `err` is such an error.
 */
export function isPrismaError(err: unknown, code: string): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { name?: unknown }).name === 'PrismaClientKnownRequestError' &&
    (err as { code?: unknown }).code === code
  );
}
