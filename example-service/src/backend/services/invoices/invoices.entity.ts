/** One invoice as the core sees it (plain object, no ORM types). */
export interface Invoice {
  id: number;
  number: string;
  amount: string;
  paid: boolean;
  dueAt: Date | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create an invoice. */
export interface NewInvoice {
  number: string;
  amount: string;
  paid: boolean;
  dueAt?: Date | null;
  note?: string | null;
}

/** A partial change to an invoice; absent properties stay as they are. */
export type InvoicePatch = Partial<NewInvoice>;
