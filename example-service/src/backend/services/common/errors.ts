/**
 * Domain errors of the framework-free core. Each error carries a stable `code` such as
 * `INVOICE.NOT_FOUND`; the HTTP adapter maps the code's last segment (the error kind) to a status
 * in one table (`api/common/error-mapping.ts`). The core never knows about HTTP.
 */

/** Kinds of domain error; the last segment of every error code. */
export type DomainErrorKind = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'UNAVAILABLE' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Base class of every error the core throws on purpose. */
export class DomainError extends Error {
  /** Stable, machine-readable code, `<SCOPE>.<KIND>`, e.g. `INVOICE.NOT_FOUND`. */
  readonly code: string;
  /** The kind, taken from the code's last segment. */
  readonly kind: DomainErrorKind;

  /**
   * @param scope - upper-case scope of the code, e.g. `INVOICE`.
   * @param kind - what went wrong, e.g. `NOT_FOUND`.
   * @param message - a sentence safe to show to API clients (no secrets, no SQL).
   */
  constructor(scope: string, kind: DomainErrorKind, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = `${scope}.${kind}`;
    this.kind = kind;
  }
}

/** A row that the caller asked for does not exist. */
export class NotFoundError extends DomainError {
  /**
   * @param scope - upper-case scope, e.g. `INVOICE`.
   * @param id - the identifier that was looked up.
   */
  constructor(scope: string, id: number | string) {
    super(scope, 'NOT_FOUND', `${scope.toLowerCase()} ${String(id)} was not found`);
  }
}

/** The change would break a uniqueness or consistency rule. */
export class ConflictError extends DomainError {
  /**
   * @param scope - upper-case scope, e.g. `INVOICE`.
   * @param message - which rule the change would break.
   */
  constructor(scope: string, message: string) {
    super(scope, 'CONFLICT', message);
  }
}

/** A dependency the core needs (the database) cannot be reached right now. */
export class UnavailableError extends DomainError {
  /**
   * @param scope - upper-case scope, e.g. `DB`.
   * @param message - what is unavailable.
   */
  constructor(scope: string, message: string) {
    super(scope, 'UNAVAILABLE', message);
  }
}

/**
 * The caller is not signed in, or its credentials are wrong, expired or revoked
 * (`AUTH.UNAUTHENTICATED`, answered as 401 with `WWW-Authenticate`, RFC 6750 §3). The message
 * never says which check failed.
 */
export class UnauthenticatedError extends DomainError {
  /** @param message - a sentence safe for clients; the same for every failed check of one kind. */
  constructor(message = 'authentication is required') {
    super('AUTH', 'UNAUTHENTICATED', message);
  }
}

/** The signed-in caller may not do this (`<SCOPE>.FORBIDDEN`, answered as 403). */
export class ForbiddenError extends DomainError {
  /**
   * @param scope - upper-case scope, e.g. `NOTE`.
   * @param message - what the caller may not do.
   */
  constructor(scope: string, message: string) {
    super(scope, 'FORBIDDEN', message);
  }
}
