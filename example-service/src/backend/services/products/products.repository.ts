import type { PageRequest } from '../common/index.js';
import type { Product, ProductFilter, ProductPatch, NewProduct } from './products.entity.js';

/**
 * The repository port of `products`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/products`) and the in-memory one beside this file.
 */
export interface ProductsRepository {
  /**
   * Stores a new product.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewProduct): Promise<Product>;
  /**
   * Reads one product.
   *
   * @param id - its id.
   * @returns the product, or `null` when there is none.
   */
  findById(id: number): Promise<Product | null>;
  /**
   * Reads one page of products in ascending id order, narrowed by the filter.
   *
   * @param page - limit and offset.
   * @param filter - optional equality filters.
   * @returns the rows of the page.
   */
  list(page: PageRequest, filter?: ProductFilter): Promise<Product[]>;
  /**
   * Applies a patch.
   *
   * @param id - the product's id.
   * @param patch - the fields to change.
   * @returns the updated product, or `null` when there is none.
   */
  update(id: number, patch: ProductPatch): Promise<Product | null>;
  /**
   * Deletes one product.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
