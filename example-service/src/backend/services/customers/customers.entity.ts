/** One customer as the core sees it (plain object, no ORM types). */
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

/** What it takes to create a customer. */
export interface NewCustomer {
  name: string;
  email: string;
  notes?: string | null;
  tier?: 'standard' | 'gold';
  newsletter?: boolean | null;
}

/** A partial change to a customer; absent properties stay as they are. */
export type CustomerPatch = Partial<NewCustomer>;
