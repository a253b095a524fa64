import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `deliveries` error, e.g. `DELIVERY.NOT_FOUND`. */
export const DELIVERY_SCOPE = 'DELIVERY';

/** No delivery has the requested id or trackingCode (`DELIVERY.NOT_FOUND`). */
export class DeliveryNotFoundError extends NotFoundError {
  /** @param id - the id or trackingCode that was looked up. */
  constructor(id: number | string) {
    super(DELIVERY_SCOPE, id);
  }
}

/** Another delivery already holds a value that must be unique (`DELIVERY.CONFLICT`). */
export class DeliveryConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(DELIVERY_SCOPE, `another delivery already has this ${field}`);
  }
}

/** The delivery is still referenced by rows of another module (`DELIVERY.CONFLICT`). */
export class DeliveryInUseError extends ConflictError {
  /** @param id - the id of the delivery that could not be removed. */
  constructor(id: number) {
    super(DELIVERY_SCOPE, `delivery ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`DELIVERY.INVALID`, answered as 422). */
export class DeliveryReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(DELIVERY_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
