import type { ListFilter, ListQuery } from '../common/index.js';
import type { Shipment, ShipmentPatch, NewShipment } from './shipments.entity.js';

/**
 * The repository port of `shipments`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/shipments`) and the in-memory one beside this file.
 */
export interface ShipmentsRepository {
  /**
   * Stores a new shipment.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewShipment): Promise<Shipment>;
  /**
   * Reads one shipment.
   *
   * @param id - its id.
   * @returns the shipment, or `null` when there is none.
   */
  findById(id: number): Promise<Shipment | null>;
  /**
   * Reads one shipment by its route key.
   *
   * @param trackingCode - the key's value.
   * @returns the shipment, or `null` when none has it.
   */
  findByTrackingCode(trackingCode: string): Promise<Shipment | null>;
  /**
   * Reads one page of shipments: the rows meeting every filter, ordered by the sort keys, then by
   * ascending id.
   *
   * @param query - limit, offset, filters and sort keys (see `shipmentListFields`).
   * @returns the rows of the page.
   */
  list(query: ListQuery): Promise<Shipment[]>;
  /**
   * Counts the shipments meeting every filter.
   *
   * @param filters - the conditions (none: every row).
   * @returns how many rows meet them.
   */
  count(filters?: ListFilter[]): Promise<number>;
  /**
   * Applies a patch.
   *
   * @param id - the shipment's id.
   * @param patch - the fields to change.
   * @returns the updated shipment, or `null` when there is none.
   */
  update(id: number, patch: ShipmentPatch): Promise<Shipment | null>;
  /**
   * Deletes one shipment.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
