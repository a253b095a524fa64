import type { ListFilter, ListQuery } from '../common/index.js';
import type { Delivery, DeliveryPatch, NewDelivery } from './deliveries.entity.js';

/**
 * The repository port of `deliveries`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/deliveries`) and the in-memory one beside this file.
 */
export interface DeliveriesRepository {
  /**
   * Stores a new delivery.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewDelivery): Promise<Delivery>;
  /**
   * Reads one delivery.
   *
   * @param id - its id.
   * @returns the delivery, or `null` when there is none.
   */
  findById(id: number): Promise<Delivery | null>;
  /**
   * Reads one delivery by its route key.
   *
   * @param trackingCode - the key's value.
   * @returns the delivery, or `null` when none has it.
   */
  findByTrackingCode(trackingCode: string): Promise<Delivery | null>;
  /**
   * Reads one page of deliveries: the rows meeting every filter, ordered by the sort keys, then by
   * ascending id.
   *
   * @param query - limit, offset, filters and sort keys (see `deliveryListFields`).
   * @returns the rows of the page.
   */
  list(query: ListQuery): Promise<Delivery[]>;
  /**
   * Counts the deliveries meeting every filter.
   *
   * @param filters - the conditions (none: every row).
   * @returns how many rows meet them.
   */
  count(filters?: ListFilter[]): Promise<number>;
  /**
   * Applies a patch.
   *
   * @param id - the delivery's id.
   * @param patch - the fields to change.
   * @returns the updated delivery, or `null` when there is none.
   */
  update(id: number, patch: DeliveryPatch): Promise<Delivery | null>;
  /**
   * Deletes one delivery.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
