import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Customer, CustomerHashes, CustomerRecordPatch, NewCustomerRecord } from './customers.entity.js';
import type { CustomersRepository } from './customers.repository.js';

/**
 * An in-memory adapter of the `customers` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process.
 * Secret fields' hashes live apart from the rows, so no row it returns holds one.
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryCustomersRepository(rootLog: Logger): CustomersRepository {
  const rows = new Map<number, Customer>();
  const hashes = new Map<number, CustomerHashes>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'CustomersMemory');
  const fn = (name: string): Logger => functionLogger(log, 'CustomersMemory', name);
  return {
    create: logged(fn('create'), async (data: NewCustomerRecord) => {
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
      hashes.set(row.id, {
        accessKeyHash: data.accessKeyHash ?? null,
      });
      return { ...row };
    }),
    findById: logged(fn('findById'), async (id: number) => {
      const row = rows.get(id);
      return row ? { ...row } : null;
    }),
    findHashes: logged(fn('findHashes'), async (id: number) => {
      const stored = hashes.get(id);
      return stored ? { ...stored } : null;
    }),
    list: logged(fn('list'), async (page: PageRequest) =>
      [...rows.values()].slice(page.offset, page.offset + page.limit).map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: CustomerRecordPatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const { accessKeyHash, ...values } = patch;
      const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
      const updated: Customer = { ...row, ...defined, updatedAt: new Date() };
      rows.set(id, updated);
      const stored = hashes.get(id) as CustomerHashes;
      hashes.set(id, {
        accessKeyHash: accessKeyHash === undefined ? stored.accessKeyHash : accessKeyHash,
      });
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => hashes.delete(id) && rows.delete(id)),
  };
}
