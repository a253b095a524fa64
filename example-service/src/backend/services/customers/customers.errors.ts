import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `customers` error, e.g. `CUSTOMER.NOT_FOUND`. */
export const CUSTOMER_SCOPE = 'CUSTOMER';

/** No customer has the requested id (`CUSTOMER.NOT_FOUND`). */
export class CustomerNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(CUSTOMER_SCOPE, id);
  }
}

/** Another customer already holds a value that must be unique (`CUSTOMER.CONFLICT`). */
export class CustomerConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(CUSTOMER_SCOPE, `another customer already has this ${field}`);
  }
}

/** The customer is still referenced by rows of another module (`CUSTOMER.CONFLICT`). */
export class CustomerInUseError extends ConflictError {
  /** @param id - the id of the customer that could not be removed. */
  constructor(id: number) {
    super(CUSTOMER_SCOPE, `customer ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`CUSTOMER.INVALID`, answered as 422). */
export class CustomerReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(CUSTOMER_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
