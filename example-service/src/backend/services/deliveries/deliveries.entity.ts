import type { ListFields } from '../common/index.js';

/** One delivery as the core sees it (plain object, no ORM types). */
export interface Delivery {
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

/** What it takes to create a delivery. */
export interface NewDelivery {
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

/** A partial change to a delivery; absent properties stay as they are. */
export type DeliveryPatch = Partial<NewDelivery>;

/**
 * What a list of deliveries is filtered and sorted by (`--filters`), and how each field compares:
 * `GET /deliveries?<field>=…&<field>[gte]=…&sort=-<field>` (see `ListFieldKind`).
 */
export const deliveryListFields = {
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
