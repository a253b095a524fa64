import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Product, ProductFilter, ProductPatch, NewProduct } from './products.entity.js';
import { ProductConflictError } from './products.errors.js';
import type { ProductsRepository } from './products.repository.js';

/**
 * An in-memory adapter of the `products` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process. It does not
 * check references to other modules (PostgreSQL's foreign keys do, in the Prisma adapter).
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryProductsRepository(rootLog: Logger): ProductsRepository {
  const rows = new Map<number, Product>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'ProductsMemory');
  const fn = (name: string): Logger => functionLogger(log, 'ProductsMemory', name);
  /** Refuses a row whose unique fields repeat another row's (as the table's unique indexes do; a null never repeats). */
  const assertUnique = (candidate: Product): void => {
    const same = (row: Product, keys: (keyof Product)[]): boolean =>
      keys.every((key) => candidate[key] !== null && JSON.stringify(row[key]) === JSON.stringify(candidate[key]));
    for (const row of rows.values()) {
      if (row.id === candidate.id) continue;
      if (same(row, ['sku'])) throw new ProductConflictError('sku');
    }
  };
  return {
    create: logged(fn('create'), async (data: NewProduct) => {
      const now = new Date();
      const row: Product = {
        id: nextId,
        name: data.name,
        sku: data.sku,
        price: data.price,
        labels: [...(data.labels ?? [])].sort((a, b) => a - b),
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
    list: logged(fn('list'), async (page: PageRequest, filter: ProductFilter = {}) =>
      [...rows.values()]
        .filter((row) => (filter.labels ?? []).every((id) => row.labels.includes(id)))
        .slice(page.offset, page.offset + page.limit)
        .map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: ProductPatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Product = { ...row, ...defined, labels: [...(patch.labels ?? row.labels)].sort((a, b) => a - b), updatedAt: new Date() };
      assertUnique(updated);
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
