import type { PageRequest } from '../common/index.js';
import type { Invoice, InvoicePatch, NewInvoice } from './invoices.entity.js';

/**
 * The repository port of `invoices`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/invoices`) and the in-memory one beside this file.
 */
export interface InvoicesRepository {
  /** Stores a new invoice; resolves to it with its id and timestamps. */
  create(data: NewInvoice): Promise<Invoice>;
  /** Resolves to the invoice with that id, or `null`. */
  findById(id: number): Promise<Invoice | null>;
  /** Resolves to one page of invoices in ascending id order. */
  list(page: PageRequest): Promise<Invoice[]>;
  /** Applies the patch; resolves to the updated invoice, or `null` when there is none. */
  update(id: number, patch: InvoicePatch): Promise<Invoice | null>;
  /** Deletes the invoice; resolves to `false` when there was none. */
  delete(id: number): Promise<boolean>;
}
