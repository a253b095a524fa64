import type { Secret } from '../common/index.js';

/** One customer as the core sees it (plain object, no ORM types); never its secret fields. */
export interface Customer {
  id: number;
  name: string;
  email: string;
  notes: string | null;
  tier: 'standard' | 'gold';
  newsletter: boolean | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create a customer (secret fields in clear, wrapped in a `Secret`). */
export interface NewCustomer {
  name: string;
  email: string;
  notes?: string | null;
  tier?: 'standard' | 'gold';
  newsletter?: boolean | null;
  accessKey?: Secret | null;
}

/** A partial change to a customer; absent properties stay as they are. */
export type CustomerPatch = Partial<NewCustomer>;

/** What the repository stores for a new customer: each secret field as its argon2id hash, never in clear. */
export interface NewCustomerRecord {
  name: string;
  email: string;
  notes?: string | null;
  tier?: 'standard' | 'gold';
  newsletter?: boolean | null;
  accessKeyHash?: Secret | null;
}

/** A partial change of what the repository stores; absent properties stay as they are. */
export type CustomerRecordPatch = Partial<NewCustomerRecord>;

/** The stored hashes of one customer's secret fields (read only to verify a presented value). */
export interface CustomerHashes {
  accessKeyHash: Secret | null;
}
