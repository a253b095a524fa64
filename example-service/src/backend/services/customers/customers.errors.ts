import { NotFoundError } from '../common/index.js';

/** Code scope of every `customers` error, e.g. `CUSTOMER.NOT_FOUND`. */
export const CUSTOMER_SCOPE = 'CUSTOMER';

/** No customer has the requested id (`CUSTOMER.NOT_FOUND`). */
export class CustomerNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(CUSTOMER_SCOPE, id);
  }
}
