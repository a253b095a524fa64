import { functionLogger, logged, moduleLogger, type Logger, type Page, type PageRequest } from '../common/index.js';
import type { InvoiceLine, InvoiceLineFilter, InvoiceLinePatch, NewInvoiceLine } from './invoiceLines.entity.js';
import { InvoiceLineNotFoundError } from './invoiceLines.errors.js';
import type { InvoiceLinesRepository } from './invoiceLines.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

/** What a client gives to create an invoice line: every field but the parent ref, which the path names. */
export type InvoiceLineInput = Omit<NewInvoiceLine, 'invoiceId'>;

/** A change to an invoice line: a invoice line never moves to another invoice. */
export type InvoiceLineChange = Omit<InvoiceLinePatch, 'invoiceId'>;

// scaffold:usecase-types
/**
 * The use cases of `invoiceLines`, written against the repository port only. Every one is scoped to
 * one invoice (`invoiceId` first): an invoice line of another invoice is not found.
 */
export interface InvoiceLinesService {
  /**
   * Creates an invoice line under a invoice.
   *
   * @param invoiceId - the invoice's id (an existing row: the router resolved it).
   * @param input - the validated fields.
   * @returns the stored invoice line.
   */
  create(invoiceId: number, input: InvoiceLineInput): Promise<InvoiceLine>;
  /**
   * Reads one invoice line of a invoice.
   *
   * @param invoiceId - the invoice's id.
   * @param id - its id.
   * @returns the invoice line.
   * @throws {@link InvoiceLineNotFoundError} when that invoice has no invoice line with that id.
   */
  get(invoiceId: number, id: number): Promise<InvoiceLine>;
  /**
   * One page of the invoiceLines of a invoice, ascending id, narrowed by the filter.
   *
   * @param invoiceId - the invoice's id.
   * @param page - limit and offset.
   * @param filter - optional equality filters (not the parent: the list is its own).
   * @returns the page.
   */
  list(invoiceId: number, page: PageRequest, filter?: Omit<InvoiceLineFilter, 'invoiceId'>): Promise<Page<InvoiceLine>>;
  /**
   * Changes the given fields of one invoice line of a invoice.
   *
   * @param invoiceId - the invoice's id.
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated invoice line.
   * @throws {@link InvoiceLineNotFoundError} when that invoice has no invoice line with that id.
   */
  update(invoiceId: number, id: number, patch: InvoiceLineChange): Promise<InvoiceLine>;
  /**
   * Deletes one invoice line of a invoice.
   *
   * @param invoiceId - the invoice's id.
   * @param id - its id.
   * @throws {@link InvoiceLineNotFoundError} when that invoice has no invoice line with that id.
   */
  remove(invoiceId: number, id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface InvoiceLinesServiceDeps {
  repo: InvoiceLinesRepository;
  log: Logger;
}

/**
 * Creates the `invoiceLines` service. Every use case logs its input, result and errors with the
 * `[InvoiceLines:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createInvoiceLinesService(deps: InvoiceLinesServiceDeps): InvoiceLinesService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'InvoiceLines');
  const fn = (name: string): Logger => functionLogger(log, 'InvoiceLines', name);
  /** Loads one row and checks that it belongs to the invoice: another's is not found. */
  const inParent = async (invoiceId: number, id: number, found: InvoiceLine | null): Promise<InvoiceLine> => {
    if (!found || found.invoiceId !== invoiceId) throw new InvoiceLineNotFoundError(id);
    return found;
  };
  return {
    create: logged(fn('create'), async (invoiceId: number, input: InvoiceLineInput) => repo.create({ ...input, invoiceId })),
    get: logged(fn('get'), async (invoiceId: number, id: number) => inParent(invoiceId, id, await repo.findById(id))),
    list: logged(fn('list'), async (invoiceId: number, page: PageRequest, filter: Omit<InvoiceLineFilter, 'invoiceId'> = {}) => ({
      ...page,
      items: await repo.list(page, { ...filter, invoiceId }),
    })),
    update: logged(fn('update'), async (invoiceId: number, id: number, patch: InvoiceLineChange) => {
      await inParent(invoiceId, id, await repo.findById(id));
      const { invoiceId: _moved, ...change } = patch as InvoiceLinePatch;
      const updated = await repo.update(id, change);
      if (!updated) throw new InvoiceLineNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (invoiceId: number, id: number) => {
      await inParent(invoiceId, id, await repo.findById(id));
      if (!(await repo.delete(id))) throw new InvoiceLineNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
