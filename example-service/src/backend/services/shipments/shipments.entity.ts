import type { ListFields } from '../common/index.js';

/** One shipment as the core sees it (plain object, no ORM types). */
export interface Shipment {
  id: number;
  invoiceId: number;
  trackingCode: string;
  recipient: string;
  carrier: 'post' | 'courier' | 'pickup';
  weightGrams: number;
  shippedAt: Date | null;
  cost: string | null;
  fragile: boolean;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create a shipment. */
export interface NewShipment {
  invoiceId: number;
  trackingCode: string;
  recipient: string;
  carrier?: 'post' | 'courier' | 'pickup';
  weightGrams: number;
  shippedAt?: Date | null;
  cost?: string | null;
  fragile?: boolean;
  note?: string | null;
}

/** A partial change to a shipment; absent properties stay as they are. */
export type ShipmentPatch = Partial<NewShipment>;

/**
 * What a list of shipments is filtered and sorted by (`--filters`), and how each field compares:
 * `GET /shipments?<field>=…&<field>[gte]=…&sort=-<field>` (see `ListFieldKind`).
 */
export const shipmentListFields = {
  id: 'id',
  invoiceId: 'id',
  trackingCode: 'string',
  recipient: 'string',
  carrier: ['post', 'courier', 'pickup'],
  weightGrams: 'int',
  shippedAt: 'datetime',
  cost: 'decimal',
  fragile: 'boolean',
  note: 'text',
  createdAt: 'datetime',
  updatedAt: 'datetime',
} as const satisfies ListFields;
