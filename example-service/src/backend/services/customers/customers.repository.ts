import type { PageRequest } from '../common/index.js';
import type { Customer, CustomerPatch, NewCustomer } from './customers.entity.js';

/**
 * The repository port of `customers`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/customers`) and the in-memory one beside this file.
 */
export interface CustomersRepository {
  /** Stores a new customer; resolves to it with its id and timestamps. */
  create(data: NewCustomer): Promise<Customer>;
  /** Resolves to the customer with that id, or `null`. */
  findById(id: number): Promise<Customer | null>;
  /** Resolves to one page of customers in ascending id order. */
  list(page: PageRequest): Promise<Customer[]>;
  /** Applies the patch; resolves to the updated customer, or `null` when there is none. */
  update(id: number, patch: CustomerPatch): Promise<Customer | null>;
  /** Deletes the customer; resolves to `false` when there was none. */
  delete(id: number): Promise<boolean>;
}
