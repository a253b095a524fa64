import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `invoices` error, e.g. `INVOICE.NOT_FOUND`. */
export const INVOICE_SCOPE = 'INVOICE';

/** No invoice has the requested id (`INVOICE.NOT_FOUND`). */
export class InvoiceNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(INVOICE_SCOPE, id);
  }
}

/** Another invoice already holds a value that must be unique (`INVOICE.CONFLICT`). */
export class InvoiceConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(INVOICE_SCOPE, `another invoice already has this ${field}`);
  }
}

/** The invoice is still referenced by rows of another module (`INVOICE.CONFLICT`). */
export class InvoiceInUseError extends ConflictError {
  /** @param id - the id of the invoice that could not be removed. */
  constructor(id: number) {
    super(INVOICE_SCOPE, `invoice ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`INVOICE.INVALID`, answered as 422). */
export class InvoiceReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(INVOICE_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
