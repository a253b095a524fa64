import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type Page,
  type PageRequest,
} from '../common/index.js';
import type { Receipt, ReceiptFilter, ReceiptPatch, NewReceipt } from './receipts.entity.js';
import { ReceiptNotFoundError } from './receipts.errors.js';
import type { ReceiptsRepository } from './receipts.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
import { ConflictError } from '../common/index.js';
import { RECEIPT_SCOPE } from './receipts.errors.js';
// #endregion hand-written imports

// scaffold:usecase-types
/** The use cases of `receipts`, written against the repository port only. */
export interface ReceiptsService {
  /**
   * Creates a receipt.
   *
   * @param input - the validated fields.
   * @returns the stored receipt.
   */
  create(input: NewReceipt): Promise<Receipt>;
  /**
   * Reads one receipt.
   *
   * @param id - its id.
   * @returns the receipt.
   * @throws {@link ReceiptNotFoundError} when there is no receipt with that id.
   */
  get(id: number): Promise<Receipt>;
  /**
   * One page of receipts, ascending id, narrowed by the filter.
   *
   * @param page - limit and offset.
   * @param filter - optional equality filters.
   * @returns the page.
   */
  list(page: PageRequest, filter?: ReceiptFilter): Promise<Page<Receipt>>;
  /**
   * Changes the given fields of one receipt.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated receipt.
   * @throws {@link ReceiptNotFoundError} when there is no receipt with that id.
   */
  update(id: number, patch: ReceiptPatch): Promise<Receipt>;
  /**
   * Deletes one receipt.
   *
   * @param id - its id.
   * @throws {@link ReceiptNotFoundError} when there is no receipt with that id.
   */
  remove(id: number): Promise<void>;
  // #region hand-written signature:refund
  /**
   * Use case `refund`: gives the money of one receipt back. Business rule: a receipt is refunded at
   * most once — refunding a receipt whose status is already `refunded` changes nothing and refuses.
   *
   * @param id - the receipt's id.
   * @returns the receipt with status `refunded`.
   * @throws {@link ReceiptNotFoundError} when there is no receipt with that id.
   * @throws {@link ConflictError} (`RECEIPT.CONFLICT`, answered 409) when the receipt is already refunded.
   */
  refund(id: number): Promise<Receipt>;
  // #endregion hand-written signature:refund
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface ReceiptsServiceDeps {
  repo: ReceiptsRepository;
  log: Logger;
}

/**
 * Creates the `receipts` service. Every use case logs its input, result and errors with the
 * `[Receipts:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createReceiptsService(deps: ReceiptsServiceDeps): ReceiptsService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Receipts');
  const fn = (name: string): Logger => functionLogger(log, 'Receipts', name);
  return {
    create: logged(fn('create'), async (input: NewReceipt) => repo.create(input)),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new ReceiptNotFoundError(id);
      return found;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: ReceiptFilter = {}) => ({
      ...page,
      items: await repo.list(page, filter),
    })),
    update: logged(fn('update'), async (id: number, patch: ReceiptPatch) => {
      const updated = await repo.update(id, patch);
      if (!updated) throw new ReceiptNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new ReceiptNotFoundError(id);
    }),
    refund: logged(fn('refund'), async (id: number) => {
      // #region hand-written usecase:refund
      const receipt = await repo.findById(id);
      if (!receipt) throw new ReceiptNotFoundError(id);
      if (receipt.status === 'refunded') throw new ConflictError(RECEIPT_SCOPE, `receipt ${id} is already refunded`);
      const refunded = await repo.update(id, { status: 'refunded' });
      if (!refunded) throw new ReceiptNotFoundError(id);
      return refunded;
      // #endregion hand-written usecase:refund
    }),
    // scaffold:usecase-functions
  };
}
