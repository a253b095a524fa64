import { randomUUID } from 'node:crypto';
import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Receipt, ReceiptFilter, ReceiptPatch, NewReceipt } from './receipts.entity.js';
import { ReceiptConflictError } from './receipts.errors.js';
import type { ReceiptsRepository } from './receipts.repository.js';

/**
 * An in-memory adapter of the `receipts` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process. It does not
 * check references to other modules (PostgreSQL's foreign keys do, in the Prisma adapter).
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryReceiptsRepository(rootLog: Logger): ReceiptsRepository {
  const rows = new Map<number, Receipt>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'ReceiptsMemory');
  const fn = (name: string): Logger => functionLogger(log, 'ReceiptsMemory', name);
  /** Refuses a row whose unique fields repeat another row's (as the table's unique indexes do; a null never repeats). */
  const assertUnique = (candidate: Receipt): void => {
    const same = (row: Receipt, keys: (keyof Receipt)[]): boolean =>
      keys.every((key) => candidate[key] !== null && JSON.stringify(row[key]) === JSON.stringify(candidate[key]));
    for (const row of rows.values()) {
      if (row.id === candidate.id) continue;
      if (same(row, ['reference'])) throw new ReceiptConflictError('reference');
    }
  };
  return {
    create: logged(fn('create'), async (data: NewReceipt) => {
      const now = new Date();
      const row: Receipt = {
        id: nextId,
        invoiceId: data.invoiceId,
        amount: data.amount,
        method: data.method ?? 'card',
        status: data.status ?? 'received',
        reference: data.reference ?? randomUUID(),
        receivedAt: data.receivedAt ?? new Date(),
        installment: data.installment ?? 1,
        providerTxId: data.providerTxId ?? null,
        details: data.details,
        metadata: data.metadata ?? null,
        createdAt: now,
        updatedAt: now,
      };
      assertUnique(row);
      nextId += 1;
      rows.set(row.id, row);
      return { ...row };
    }),
    findById: logged(fn('findById'), async (id: number) => {
      const row = rows.get(id);
      return row ? { ...row } : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: ReceiptFilter = {}) =>
      [...rows.values()]
        .filter((row) => filter.invoiceId === undefined || row.invoiceId === filter.invoiceId)
        .slice(page.offset, page.offset + page.limit)
        .map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: ReceiptPatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Receipt = { ...row, ...defined, updatedAt: new Date() };
      assertUnique(updated);
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
