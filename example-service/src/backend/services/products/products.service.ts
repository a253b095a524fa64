import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type Page,
  type PageRequest,
} from '../common/index.js';
import type { Product, ProductFilter, ProductPatch, NewProduct } from './products.entity.js';
import { ProductNotFoundError } from './products.errors.js';
import type { ProductsRepository } from './products.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

// scaffold:usecase-types
/** The use cases of `products`, written against the repository port only. */
export interface ProductsService {
  /**
   * Creates a product.
   *
   * @param input - the validated fields.
   * @returns the stored product.
   */
  create(input: NewProduct): Promise<Product>;
  /**
   * Reads one product.
   *
   * @param id - its id.
   * @returns the product.
   * @throws {@link ProductNotFoundError} when there is no product with that id.
   */
  get(id: number): Promise<Product>;
  /**
   * One page of products, ascending id, narrowed by the filter.
   *
   * @param page - limit and offset.
   * @param filter - optional equality filters.
   * @returns the page.
   */
  list(page: PageRequest, filter?: ProductFilter): Promise<Page<Product>>;
  /**
   * Changes the given fields of one product.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated product.
   * @throws {@link ProductNotFoundError} when there is no product with that id.
   */
  update(id: number, patch: ProductPatch): Promise<Product>;
  /**
   * Deletes one product.
   *
   * @param id - its id.
   * @throws {@link ProductNotFoundError} when there is no product with that id.
   */
  remove(id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface ProductsServiceDeps {
  repo: ProductsRepository;
  log: Logger;
}

/**
 * Creates the `products` service. Every use case logs its input, result and errors with the
 * `[Products:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createProductsService(deps: ProductsServiceDeps): ProductsService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Products');
  const fn = (name: string): Logger => functionLogger(log, 'Products', name);
  return {
    create: logged(fn('create'), async (input: NewProduct) => repo.create(input)),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new ProductNotFoundError(id);
      return found;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: ProductFilter = {}) => ({
      ...page,
      items: await repo.list(page, filter),
    })),
    update: logged(fn('update'), async (id: number, patch: ProductPatch) => {
      const updated = await repo.update(id, patch);
      if (!updated) throw new ProductNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new ProductNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
