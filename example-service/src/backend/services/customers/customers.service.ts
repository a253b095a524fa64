import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type Page,
  type PageRequest,
  type Secret,
} from '../common/index.js';
import type { PasswordHasher } from '../auth/index.js';
import type { Customer, CustomerPatch, NewCustomer } from './customers.entity.js';
import { CustomerNotFoundError } from './customers.errors.js';
import type { CustomersRepository } from './customers.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

/** Query of use case `search`: the validated query string of `GET /customers/search`. */
export interface CustomerSearchQuery {
  email?: string;
}

// scaffold:usecase-types
/** The use cases of `customers`, written against the repository port only. */
export interface CustomersService {
  /**
   * Creates a customer.
   *
   * @param input - the validated fields.
   * @returns the stored customer.
   */
  create(input: NewCustomer): Promise<Customer>;
  /**
   * Reads one customer.
   *
   * @param id - its id.
   * @returns the customer.
   * @throws {@link CustomerNotFoundError} when there is no customer with that id.
   */
  get(id: number): Promise<Customer>;
  /**
   * One page of customers, ascending id.
   *
   * @param page - limit and offset.
   * @returns the page.
   */
  list(page: PageRequest): Promise<Page<Customer>>;
  /**
   * Changes the given fields of one customer.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated customer.
   * @throws {@link CustomerNotFoundError} when there is no customer with that id.
   */
  update(id: number, patch: CustomerPatch): Promise<Customer>;
  /**
   * Deletes one customer.
   *
   * @param id - its id.
   * @throws {@link CustomerNotFoundError} when there is no customer with that id.
   */
  remove(id: number): Promise<void>;
  /**
   * Checks a presented value against the stored hash of `accessKey` (argon2id, constant time), for
   * the module's own rules; no route answers it.
   *
   * @param id - the customer's id.
   * @param candidate - the value presented.
   * @returns whether it matches; `false` when none is stored.
   * @throws {@link CustomerNotFoundError} when there is no customer with that id.
   */
  verifyAccessKey(id: number, candidate: Secret): Promise<boolean>;
  // #region hand-written signature:search
  /**
   * Use case `search` (`GET /customers/search`): applies the business rule of "search". The rule goes in the
   * `search` function of `createCustomersService` below, inside its hand-written region, which
   * regeneration keeps (so are this comment and the use case's tests); until it is written there,
   * it answers a page of customers in id order.
   *
   * @param page - limit and offset.
   * @param query - the validated query.
   * @returns the page.
   */
  search(page: PageRequest, query: CustomerSearchQuery): Promise<Page<Customer>>;
  // #endregion hand-written signature:search
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port), the password hasher and the root logger. */
export interface CustomersServiceDeps {
  repo: CustomersRepository;
  /** Hashes secret fields before they are stored (the auth module's argon2id adapter). */
  passwords: PasswordHasher;
  log: Logger;
}

/**
 * Creates the `customers` service. Every use case logs its input, result and errors with the
 * `[Customers:function]` prefix. Secret fields reach it as `Secret`s (they log as
 * `[redacted]`) and go to the repository only as their hashes.
 *
 * @param deps - the repository port, the password hasher and the root logger.
 * @returns the service.
 */
export function createCustomersService(deps: CustomersServiceDeps): CustomersService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Customers');
  const fn = (name: string): Logger => functionLogger(log, 'Customers', name);
  return {
    create: logged(fn('create'), async ({ accessKey, ...values }: NewCustomer) => repo.create({
      ...values,
      accessKeyHash: accessKey == null ? accessKey : await deps.passwords.hash(accessKey),
    })),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new CustomerNotFoundError(id);
      return found;
    }),
    list: logged(fn('list'), async (page: PageRequest) => ({ ...page, items: await repo.list(page) })),
    update: logged(fn('update'), async (id: number, { accessKey, ...values }: CustomerPatch) => {
      const updated = await repo.update(id, {
        ...values,
        accessKeyHash: accessKey == null ? accessKey : await deps.passwords.hash(accessKey),
      });
      if (!updated) throw new CustomerNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new CustomerNotFoundError(id);
    }),
    verifyAccessKey: logged(fn('verifyAccessKey'), async (id: number, candidate: Secret) => {
      const stored = await repo.findHashes(id);
      if (!stored) throw new CustomerNotFoundError(id);
      return stored.accessKeyHash !== null && deps.passwords.verify(stored.accessKeyHash, candidate);
    }),
    search: logged(fn('search'), async (page: PageRequest, _query: CustomerSearchQuery) => {
      // #region hand-written usecase:search
      return { ...page, items: await repo.list(page) };
      // #endregion hand-written usecase:search
    }),
    // scaffold:usecase-functions
  };
}
