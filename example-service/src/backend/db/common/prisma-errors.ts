import { ConflictError, NotFoundError, UnavailableError } from '../../services/common/index.js';

/**
 * Tells whether a thrown value is a Prisma known request error with the given code (Prisma error
 * reference: https://www.prisma.io/docs/orm/reference/error-reference), without importing the
 * generated runtime. A domain error translated from such an error (see {@link translatePrismaError})
 * still answers true for its original code, so adapters may keep testing for `P2025`.
 *
 * @param err - the thrown value.
 * @param code - a Prisma error code, e.g. `P2025` (record not found) or `P2002` (unique violation).
 * @returns true when `err` is such an error.
 */
export function isPrismaError(err: unknown, code: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  if ((err as { prismaCode?: unknown }).prismaCode === code) return true;
  return (err as { name?: unknown }).name === 'PrismaClientKnownRequestError' && (err as { code?: unknown }).code === code;
}

/** Driver adapter error kinds that mean "the database cannot be reached right now". */
const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'AuthenticationFailed',
]);

/** pg / Node messages of a lost or refused connection, a pool or client-side query timeout. */
const UNREACHABLE_MESSAGE = /connection terminated|timeout exceeded when trying to connect|query read timeout|connection timeout|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Client has encountered a connection error|Can't reach database server/i;

/** PostgreSQL SQLSTATEs of a cancelled statement or an unavailable server (57014 statement_timeout, 57P01–57P03). */
const UNAVAILABLE_SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

function adapterCause(err: object): { kind?: unknown; originalCode?: unknown; code?: unknown } | undefined {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: object } } }).meta;
  return meta?.driverAdapterError?.cause ?? (err as { cause?: object }).cause;
}

/**
 * True when a thrown value means the database is unreachable, overloaded or cut off mid-query
 * (Prisma P1xxx, P2024 pool timeout, a driver adapter connection error, a pg connection or query
 * timeout, a cancelled statement).
 *
 * @param err - the thrown value.
 * @returns whether a retry later may succeed.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (/^P1\d{3}$/.test(code) || code === 'P2024')) return true;
  const cause = adapterCause(err);
  if (cause && UNREACHABLE_KINDS.has(String(cause.kind))) return true;
  const sqlState = cause?.originalCode ?? cause?.code ?? code;
  if (typeof sqlState === 'string' && UNAVAILABLE_SQLSTATES.has(sqlState)) return true;
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' && UNREACHABLE_MESSAGE.test(message);
}

/** `LineItem` → `LINE_ITEM` (the code scope generators use). */
function scopeOf(model: string | undefined): string {
  return model === undefined ? 'RECORD' : model.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** A domain error that remembers the Prisma code it came from (for {@link isPrismaError}). */
type Translated = Error & { prismaCode?: string };

/**
 * Turns a Prisma or driver error into the core's domain error, so no Prisma message or `meta`
 * reaches a client: P2002 (unique violation) → `ConflictError` (`<MODEL>.CONFLICT`, 409), P2025
 * (row not found) → `NotFoundError` (`<MODEL>.NOT_FOUND`, 404), an unreachable database →
 * `UnavailableError` (`DB.UNAVAILABLE`, 503). Anything else is returned unchanged (500). The
 * original error is kept as `cause` for the log.
 *
 * @param err - the thrown value.
 * @param model - the Prisma model name (e.g. `Invoice`), when known.
 * @param id - the `where.id` of the operation, when known (for the not-found message).
 * @returns the error to throw instead.
 */
export function translatePrismaError(err: unknown, model?: string, id?: unknown): unknown {
  const scope = scopeOf(model);
  let translated: Translated | undefined;
  if (isPrismaError(err, 'P2002')) {
    translated = new ConflictError(scope, `a ${scope.toLowerCase()} with the same unique value already exists`);
    translated.prismaCode = 'P2002';
  } else if (isPrismaError(err, 'P2025')) {
    translated = new NotFoundError(scope, typeof id === 'number' || typeof id === 'string' ? id : '(unknown)');
    translated.prismaCode = 'P2025';
  } else if (isDatabaseUnavailable(err)) {
    translated = new UnavailableError('DB', 'The database is not reachable right now; retry later');
  }
  if (translated === undefined) return err;
  Object.defineProperty(translated, 'cause', { value: err, enumerable: false });
  return translated;
}
