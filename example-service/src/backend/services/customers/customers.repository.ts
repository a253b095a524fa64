import type { PageRequest } from '../common/index.js';
import type { Customer, CustomerHashes, CustomerRecordPatch, NewCustomerRecord } from './customers.entity.js';

/**
 * The repository port of `customers`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/customers`) and the in-memory one beside this file.
 */
export interface CustomersRepository {
  /**
   * Stores a new customer.
   *
   * @param data - its fields (secret fields as their hashes).
   * @returns it, with its id and timestamps.
   */
  create(data: NewCustomerRecord): Promise<Customer>;
  /**
   * Reads one customer.
   *
   * @param id - its id.
   * @returns the customer, or `null` when there is none.
   */
  findById(id: number): Promise<Customer | null>;
  /**
   * Reads the stored hashes of one customer's secret fields (nothing else returns them).
   *
   * @param id - its id.
   * @returns the hashes, or `null` when there is no such customer.
   */
  findHashes(id: number): Promise<CustomerHashes | null>;
  /**
   * Reads one page of customers in ascending id order.
   *
   * @param page - limit and offset.
   * @returns the rows of the page.
   */
  list(page: PageRequest): Promise<Customer[]>;
  /**
   * Applies a patch.
   *
   * @param id - the customer's id.
   * @param patch - the fields to change.
   * @returns the updated customer, or `null` when there is none.
   */
  update(id: number, patch: CustomerRecordPatch): Promise<Customer | null>;
  /**
   * Deletes one customer.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
