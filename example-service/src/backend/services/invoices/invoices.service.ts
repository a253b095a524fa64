import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type Page,
  type PageRequest,
} from '../common/index.js';
import type { Invoice, InvoicePatch, NewInvoice } from './invoices.entity.js';
import { InvoiceNotFoundError } from './invoices.errors.js';
import type { InvoicesRepository } from './invoices.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

// scaffold:usecase-types
/** The use cases of `invoices`, written against the repository port only. */
export interface InvoicesService {
  /**
   * Creates an invoice.
   *
   * @param input - the validated fields.
   * @returns the stored invoice.
   */
  create(input: NewInvoice): Promise<Invoice>;
  /**
   * Reads one invoice.
   *
   * @param id - its id.
   * @returns the invoice.
   * @throws {@link InvoiceNotFoundError} when there is no invoice with that id.
   */
  get(id: number): Promise<Invoice>;
  /**
   * One page of invoices, ascending id.
   *
   * @param page - limit and offset.
   * @returns the page.
   */
  list(page: PageRequest): Promise<Page<Invoice>>;
  /**
   * Changes the given fields of one invoice.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated invoice.
   * @throws {@link InvoiceNotFoundError} when there is no invoice with that id.
   */
  update(id: number, patch: InvoicePatch): Promise<Invoice>;
  /**
   * Deletes one invoice.
   *
   * @param id - its id.
   * @throws {@link InvoiceNotFoundError} when there is no invoice with that id.
   */
  remove(id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface InvoicesServiceDeps {
  repo: InvoicesRepository;
  log: Logger;
}

/**
 * Creates the `invoices` service. Every use case logs its input, result and errors with the
 * `[Invoices:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createInvoicesService(deps: InvoicesServiceDeps): InvoicesService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Invoices');
  const fn = (name: string): Logger => functionLogger(log, 'Invoices', name);
  return {
    create: logged(fn('create'), async (input: NewInvoice) => repo.create(input)),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new InvoiceNotFoundError(id);
      return found;
    }),
    list: logged(fn('list'), async (page: PageRequest) => ({ ...page, items: await repo.list(page) })),
    update: logged(fn('update'), async (id: number, patch: InvoicePatch) => {
      const updated = await repo.update(id, patch);
      if (!updated) throw new InvoiceNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new InvoiceNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
