import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { InvoiceLine, InvoiceLineFilter, InvoiceLinePatch, NewInvoiceLine } from './invoiceLines.entity.js';
import type { InvoiceLinesRepository } from './invoiceLines.repository.js';

/**
 * An in-memory adapter of the `invoiceLines` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process. It does not
 * check references to other modules (PostgreSQL's foreign keys do, in the Prisma adapter).
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryInvoiceLinesRepository(rootLog: Logger): InvoiceLinesRepository {
  const rows = new Map<number, InvoiceLine>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'InvoiceLinesMemory');
  const fn = (name: string): Logger => functionLogger(log, 'InvoiceLinesMemory', name);
  return {
    create: logged(fn('create'), async (data: NewInvoiceLine) => {
      const now = new Date();
      const row: InvoiceLine = {
        id: nextId,
        invoiceId: data.invoiceId,
        label: data.label,
        quantity: data.quantity,
        unitPrice: data.unitPrice,
        note: data.note ?? null,
        createdAt: now,
        updatedAt: now,
      };
      nextId += 1;
      rows.set(row.id, row);
      return { ...row };
    }),
    findById: logged(fn('findById'), async (id: number) => {
      const row = rows.get(id);
      return row ? { ...row } : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: InvoiceLineFilter = {}) =>
      [...rows.values()]
        .filter((row) => filter.invoiceId === undefined || row.invoiceId === filter.invoiceId)
        .slice(page.offset, page.offset + page.limit)
        .map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: InvoiceLinePatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: InvoiceLine = { ...row, ...defined, updatedAt: new Date() };
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
