import { filterRows, functionLogger, logged, moduleLogger, selectRows, type Logger, type ListFilter, type ListQuery } from '../common/index.js';
import type { Delivery, DeliveryPatch, NewDelivery } from './deliveries.entity.js';
import { deliveryListFields } from './deliveries.entity.js';
import { DeliveryConflictError } from './deliveries.errors.js';
import type { DeliveriesRepository } from './deliveries.repository.js';

/**
 * An in-memory adapter of the `deliveries` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process. It does not
 * check references to other modules (PostgreSQL's foreign keys do, in the Prisma adapter).
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryDeliveriesRepository(rootLog: Logger): DeliveriesRepository {
  const rows = new Map<number, Delivery>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'DeliveriesMemory');
  const fn = (name: string): Logger => functionLogger(log, 'DeliveriesMemory', name);
  /** Refuses a row whose unique fields repeat another row's (as the table's unique indexes do; a null never repeats). */
  const assertUnique = (candidate: Delivery): void => {
    const same = (row: Delivery, keys: (keyof Delivery)[]): boolean =>
      keys.every((key) => candidate[key] !== null && JSON.stringify(row[key]) === JSON.stringify(candidate[key]));
    for (const row of rows.values()) {
      if (row.id === candidate.id) continue;
      if (same(row, ['trackingCode'])) throw new DeliveryConflictError('trackingCode');
    }
  };
  return {
    create: logged(fn('create'), async (data: NewDelivery) => {
      const now = new Date();
      const row: Delivery = {
        id: nextId,
        invoiceId: data.invoiceId,
        trackingCode: data.trackingCode,
        recipient: data.recipient,
        carrier: data.carrier ?? 'post',
        weightGrams: data.weightGrams,
        shippedAt: data.shippedAt ?? null,
        cost: data.cost ?? null,
        fragile: data.fragile ?? false,
        note: data.note ?? null,
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
    findByTrackingCode: logged(fn('findByTrackingCode'), async (trackingCode: string) => {
      const row = [...rows.values()].find((candidate) => candidate.trackingCode === trackingCode);
      return row ? { ...row } : null;
    }),
    list: logged(fn('list'), async (query: ListQuery) =>
      selectRows(rows.values(), query, deliveryListFields).map((row) => ({ ...row })),
    ),
    count: logged(fn('count'), async (filters: ListFilter[] = []) => filterRows(rows.values(), filters, deliveryListFields).length),
    update: logged(fn('update'), async (id: number, patch: DeliveryPatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Delivery = { ...row, ...defined, updatedAt: new Date() };
      assertUnique(updated);
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
