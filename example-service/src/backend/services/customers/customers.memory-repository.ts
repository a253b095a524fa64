import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Customer, CustomerPatch, NewCustomer } from './customers.entity.js';
import type { CustomersRepository } from './customers.repository.js';

/**
 * An in-memory adapter of the `customers` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process.
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryCustomersRepository(rootLog: Logger): CustomersRepository {
  const rows = new Map<number, Customer>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'CustomersMemory');
  const fn = (name: string): Logger => functionLogger(log, 'CustomersMemory', name);
  return {
    create: logged(fn('create'), async (data: NewCustomer) => {
      const now = new Date();
      const row: Customer = {
        id: nextId,
        name: data.name,
        email: data.email,
        notes: data.notes ?? null,
        tier: data.tier ?? 'standard',
        newsletter: data.newsletter ?? null,
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
    update: logged(fn('update'), async (id: number, patch: CustomerPatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Customer = { ...row, ...defined, updatedAt: new Date() };
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
