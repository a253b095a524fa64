import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Invoice, InvoicePatch, NewInvoice } from './invoices.entity.js';
import type { InvoicesRepository } from './invoices.repository.js';

/**
 * An in-memory adapter of the `invoices` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process.
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryInvoicesRepository(rootLog: Logger): InvoicesRepository {
  const rows = new Map<number, Invoice>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'InvoicesMemory');
  const fn = (name: string): Logger => functionLogger(log, 'InvoicesMemory', name);
  return {
    create: logged(fn('create'), async (data: NewInvoice) => {
      const now = new Date();
      const row: Invoice = {
        id: nextId,
        number: data.number,
        amount: data.amount,
        paid: data.paid,
        dueAt: data.dueAt ?? null,
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
    list: logged(fn('list'), async (page: PageRequest) =>
      [...rows.values()].slice(page.offset, page.offset + page.limit).map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: InvoicePatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Invoice = { ...row, ...defined, updatedAt: new Date() };
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
