import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `products` error, e.g. `PRODUCT.NOT_FOUND`. */
export const PRODUCT_SCOPE = 'PRODUCT';

/** No product has the requested id (`PRODUCT.NOT_FOUND`). */
export class ProductNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(PRODUCT_SCOPE, id);
  }
}

/** Another product already holds a value that must be unique (`PRODUCT.CONFLICT`). */
export class ProductConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(PRODUCT_SCOPE, `another product already has this ${field}`);
  }
}

/** The product is still referenced by rows of another module (`PRODUCT.CONFLICT`). */
export class ProductInUseError extends ConflictError {
  /** @param id - the id of the product that could not be removed. */
  constructor(id: number) {
    super(PRODUCT_SCOPE, `product ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`PRODUCT.INVALID`, answered as 422). */
export class ProductReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(PRODUCT_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
