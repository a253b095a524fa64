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
import type { Shipment, ShipmentPatch, NewShipment } from './shipments.entity.js';
import { ShipmentNotFoundError } from './shipments.errors.js';
import type { ShipmentsRepository } from './shipments.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

// scaffold:usecase-types
/** The use cases of `shipments`, written against the repository port only. */
export interface ShipmentsService {
  /**
   * Creates a shipment.
   *
   * @param input - the validated fields.
   * @returns the stored shipment.
   */
  create(input: NewShipment): Promise<Shipment>;
  /**
   * Reads one shipment.
   *
   * @param id - its id.
   * @returns the shipment.
   * @throws {@link ShipmentNotFoundError} when there is no shipment with that id.
   */
  get(id: number): Promise<Shipment>;
  /**
   * The id of the shipment with this trackingCode (the item routes' key).
   *
   * @param trackingCode - the key's value.
   * @returns its id.
   * @throws {@link ShipmentNotFoundError} when no shipment has it.
   */
  idOf(trackingCode: string): Promise<number>;
  /**
   * One page of shipments: the rows meeting every filter, ordered by the sort keys, then by id.
   *
   * @param query - limit, offset, filters and sort keys.
   * @returns the page, with `total`, how many rows meet the filters over all pages.
   */
  list(query: ListQuery): Promise<CountedPage<Shipment>>;
  /**
   * Changes the given fields of one shipment.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated shipment.
   * @throws {@link ShipmentNotFoundError} when there is no shipment with that id.
   */
  update(id: number, patch: ShipmentPatch): Promise<Shipment>;
  /**
   * Deletes one shipment.
   *
   * @param id - its id.
   * @throws {@link ShipmentNotFoundError} when there is no shipment with that id.
   */
  remove(id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface ShipmentsServiceDeps {
  repo: ShipmentsRepository;
  log: Logger;
}

/**
 * Creates the `shipments` service. Every use case logs its input, result and errors with the
 * `[Shipments:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createShipmentsService(deps: ShipmentsServiceDeps): ShipmentsService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Shipments');
  const fn = (name: string): Logger => functionLogger(log, 'Shipments', name);
  return {
    create: logged(fn('create'), async (input: NewShipment) => repo.create(input)),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new ShipmentNotFoundError(id);
      return found;
    }),
    idOf: logged(fn('idOf'), async (trackingCode: string) => {
      const found = await repo.findByTrackingCode(trackingCode);
      if (!found) throw new ShipmentNotFoundError(trackingCode);
      return found.id;
    }),
    list: logged(fn('list'), async (query: ListQuery) => {
      const page: PageRequest = { limit: query.limit, offset: query.offset };
      const found: Page<Shipment> = { ...page, items: await repo.list(query) };
      return { ...found, total: await repo.count(query.filters) };
    }),
    update: logged(fn('update'), async (id: number, patch: ShipmentPatch) => {
      const updated = await repo.update(id, patch);
      if (!updated) throw new ShipmentNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new ShipmentNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
