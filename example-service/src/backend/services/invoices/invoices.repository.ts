import type { PageRequest } from '../common/index.js';
import type { Invoice, InvoicePatch, NewInvoice } from './invoices.entity.js';

/**
 * The repository port of `invoices`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/invoices`) and the in-memory one beside this file.
 */
export interface InvoicesRepository {
  /**
   * Stores a new invoice.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewInvoice): Promise<Invoice>;
  /**
   * Reads one invoice.
   *
   * @param id - its id.
   * @returns the invoice, or `null` when there is none.
   */
  findById(id: number): Promise<Invoice | null>;
  /**
   * Reads one page of invoices in ascending id order.
   *
   * @param page - limit and offset.
   * @returns the rows of the page.
   */
  list(page: PageRequest): Promise<Invoice[]>;
  /**
   * Applies a patch.
   *
   * @param id - the invoice's id.
   * @param patch - the fields to change.
   * @returns the updated invoice, or `null` when there is none.
   */
  update(id: number, patch: InvoicePatch): Promise<Invoice | null>;
  /**
   * Deletes one invoice.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
