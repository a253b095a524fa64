import type { PageRequest } from '../common/index.js';
import type { Receipt, ReceiptFilter, ReceiptPatch, NewReceipt } from './receipts.entity.js';

/**
 * The repository port of `receipts`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/receipts`) and the in-memory one beside this file.
 */
export interface ReceiptsRepository {
  /**
   * Stores a new receipt.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewReceipt): Promise<Receipt>;
  /**
   * Reads one receipt.
   *
   * @param id - its id.
   * @returns the receipt, or `null` when there is none.
   */
  findById(id: number): Promise<Receipt | null>;
  /**
   * Reads one page of receipts in ascending id order, narrowed by the filter.
   *
   * @param page - limit and offset.
   * @param filter - optional equality filters.
   * @returns the rows of the page.
   */
  list(page: PageRequest, filter?: ReceiptFilter): Promise<Receipt[]>;
  /**
   * Applies a patch.
   *
   * @param id - the receipt's id.
   * @param patch - the fields to change.
   * @returns the updated receipt, or `null` when there is none.
   */
  update(id: number, patch: ReceiptPatch): Promise<Receipt | null>;
  /**
   * Deletes one receipt.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
