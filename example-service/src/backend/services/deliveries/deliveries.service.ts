import {
  functionLogger,
  logged,
  moduleLogger,
  type CountedPage,
  type ListQuery,
  type Logger,
  type Page,
  type PageRequest,
} from '../common/index.js';
import type { Delivery, DeliveryPatch, NewDelivery } from './deliveries.entity.js';
import { DeliveryNotFoundError } from './deliveries.errors.js';
import type { DeliveriesRepository } from './deliveries.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

// scaffold:usecase-types
/** The use cases of `deliveries`, written against the repository port only. */
export interface DeliveriesService {
  /**
   * Creates a delivery.
   *
   * @param input - the validated fields.
   * @returns the stored delivery.
   */
  create(input: NewDelivery): Promise<Delivery>;
  /**
   * Reads one delivery.
   *
   * @param id - its id.
   * @returns the delivery.
   * @throws {@link DeliveryNotFoundError} when there is no delivery with that id.
   */
  get(id: number): Promise<Delivery>;
  /**
   * The id of the delivery with this trackingCode (the item routes' key).
   *
   * @param trackingCode - the key's value.
   * @returns its id.
   * @throws {@link DeliveryNotFoundError} when no delivery has it.
   */
  idOf(trackingCode: string): Promise<number>;
  /**
   * One page of deliveries: the rows meeting every filter, ordered by the sort keys, then by id.
   *
   * @param query - limit, offset, filters and sort keys.
   * @returns the page, with `total`, how many rows meet the filters over all pages.
   */
  list(query: ListQuery): Promise<CountedPage<Delivery>>;
  /**
   * Changes the given fields of one delivery.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated delivery.
   * @throws {@link DeliveryNotFoundError} when there is no delivery with that id.
   */
  update(id: number, patch: DeliveryPatch): Promise<Delivery>;
  /**
   * Deletes one delivery.
   *
   * @param id - its id.
   * @throws {@link DeliveryNotFoundError} when there is no delivery with that id.
   */
  remove(id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface DeliveriesServiceDeps {
  repo: DeliveriesRepository;
  log: Logger;
}

/**
 * Creates the `deliveries` service. Every use case logs its input, result and errors with the
 * `[Deliveries:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createDeliveriesService(deps: DeliveriesServiceDeps): DeliveriesService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Deliveries');
  const fn = (name: string): Logger => functionLogger(log, 'Deliveries', name);
  return {
    create: logged(fn('create'), async (input: NewDelivery) => repo.create(input)),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new DeliveryNotFoundError(id);
      return found;
    }),
    idOf: logged(fn('idOf'), async (trackingCode: string) => {
      const found = await repo.findByTrackingCode(trackingCode);
      if (!found) throw new DeliveryNotFoundError(trackingCode);
      return found.id;
    }),
    list: logged(fn('list'), async (query: ListQuery) => {
      const page: PageRequest = { limit: query.limit, offset: query.offset };
      const found: Page<Delivery> = { ...page, items: await repo.list(query) };
      return { ...found, total: await repo.count(query.filters) };
    }),
    update: logged(fn('update'), async (id: number, patch: DeliveryPatch) => {
      const updated = await repo.update(id, patch);
      if (!updated) throw new DeliveryNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new DeliveryNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
