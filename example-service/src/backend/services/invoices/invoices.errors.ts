import { NotFoundError } from '../common/index.js';

/** Code scope of every `invoices` error, e.g. `INVOICE.NOT_FOUND`. */
export const INVOICE_SCOPE = 'INVOICE';

/** No invoice has the requested id (`INVOICE.NOT_FOUND`). */
export class InvoiceNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(INVOICE_SCOPE, id);
  }
}
