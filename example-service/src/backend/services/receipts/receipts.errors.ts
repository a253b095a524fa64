import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `receipts` error, e.g. `RECEIPT.NOT_FOUND`. */
export const RECEIPT_SCOPE = 'RECEIPT';

/** No receipt has the requested id (`RECEIPT.NOT_FOUND`). */
export class ReceiptNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(RECEIPT_SCOPE, id);
  }
}

/** Another receipt already holds a value that must be unique (`RECEIPT.CONFLICT`). */
export class ReceiptConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(RECEIPT_SCOPE, `another receipt already has this ${field}`);
  }
}

/** The receipt is still referenced by rows of another module (`RECEIPT.CONFLICT`). */
export class ReceiptInUseError extends ConflictError {
  /** @param id - the id of the receipt that could not be removed. */
  constructor(id: number) {
    super(RECEIPT_SCOPE, `receipt ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`RECEIPT.INVALID`, answered as 422). */
export class ReceiptReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(RECEIPT_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
