import type { PageRequest } from '../common/index.js';
import type { InvoiceLine, InvoiceLineFilter, InvoiceLinePatch, NewInvoiceLine } from './invoiceLines.entity.js';

/**
 * The repository port of `invoiceLines`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/invoiceLines`) and the in-memory one beside this file.
 */
export interface InvoiceLinesRepository {
  /**
   * Stores a new invoice line.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewInvoiceLine): Promise<InvoiceLine>;
  /**
   * Reads one invoice line.
   *
   * @param id - its id.
   * @returns the invoice line, or `null` when there is none.
   */
  findById(id: number): Promise<InvoiceLine | null>;
  /**
   * Reads one page of invoiceLines in ascending id order, narrowed by the filter.
   *
   * @param page - limit and offset.
   * @param filter - optional equality filters.
   * @returns the rows of the page.
   */
  list(page: PageRequest, filter?: InvoiceLineFilter): Promise<InvoiceLine[]>;
  /**
   * Applies a patch.
   *
   * @param id - the invoice line's id.
   * @param patch - the fields to change.
   * @returns the updated invoice line, or `null` when there is none.
   */
  update(id: number, patch: InvoiceLinePatch): Promise<InvoiceLine | null>;
  /**
   * Deletes one invoice line.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
