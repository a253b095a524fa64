import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `shipments` error, e.g. `SHIPMENT.NOT_FOUND`. */
export const SHIPMENT_SCOPE = 'SHIPMENT';

/** No shipment has the requested id or trackingCode (`SHIPMENT.NOT_FOUND`). */
export class ShipmentNotFoundError extends NotFoundError {
  /** @param id - the id or trackingCode that was looked up. */
  constructor(id: number | string) {
    super(SHIPMENT_SCOPE, id);
  }
}

/** Another shipment already holds a value that must be unique (`SHIPMENT.CONFLICT`). */
export class ShipmentConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(SHIPMENT_SCOPE, `another shipment already has this ${field}`);
  }
}

/** The shipment is still referenced by rows of another module (`SHIPMENT.CONFLICT`). */
export class ShipmentInUseError extends ConflictError {
  /** @param id - the id of the shipment that could not be removed. */
  constructor(id: number) {
    super(SHIPMENT_SCOPE, `shipment ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`SHIPMENT.INVALID`, answered as 422). */
export class ShipmentReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(SHIPMENT_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
