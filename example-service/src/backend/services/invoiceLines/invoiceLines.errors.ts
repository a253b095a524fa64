import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `invoiceLines` error, e.g. `INVOICE_LINE.NOT_FOUND`. */
export const INVOICE_LINE_SCOPE = 'INVOICE_LINE';

/** No invoice line has the requested id (`INVOICE_LINE.NOT_FOUND`). */
export class InvoiceLineNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(INVOICE_LINE_SCOPE, id);
  }
}

/** Another invoice line already holds a value that must be unique (`INVOICE_LINE.CONFLICT`). */
export class InvoiceLineConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(INVOICE_LINE_SCOPE, `another invoice line already has this ${field}`);
  }
}

/** The invoice line is still referenced by rows of another module (`INVOICE_LINE.CONFLICT`). */
export class InvoiceLineInUseError extends ConflictError {
  /** @param id - the id of the invoice line that could not be removed. */
  constructor(id: number) {
    super(INVOICE_LINE_SCOPE, `invoice line ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`INVOICE_LINE.INVALID`, answered as 422). */
export class InvoiceLineReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(INVOICE_LINE_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
