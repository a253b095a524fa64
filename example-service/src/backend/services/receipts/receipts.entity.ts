/** One receipt as the core sees it (plain object, no ORM types). */
export interface Receipt {
  id: number;
  invoiceId: number;
  amount: string;
  method: 'card' | 'transfer' | 'cash';
  status: 'refunded' | 'received';
  reference: string;
  receivedAt: Date;
  installment: number;
  providerTxId: string | null;
  details: { [key: string]: unknown };
  metadata: { [key: string]: unknown } | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create a receipt. */
export interface NewReceipt {
  invoiceId: number;
  amount: string;
  method?: 'card' | 'transfer' | 'cash';
  status?: 'refunded' | 'received';
  reference?: string;
  receivedAt?: Date;
  installment?: number;
  providerTxId?: string | null;
  details: { [key: string]: unknown };
  metadata?: { [key: string]: unknown } | null;
}

/** A partial change to a receipt; absent properties stay as they are. */
export type ReceiptPatch = Partial<NewReceipt>;

/** What a list of receipts can be narrowed by (each referenced row's id). */
export interface ReceiptFilter {
  invoiceId?: number;
}
