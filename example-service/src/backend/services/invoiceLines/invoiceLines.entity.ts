/** One invoice line as the core sees it (plain object, no ORM types). */
export interface InvoiceLine {
  id: number;
  invoiceId: number;
  label: string;
  quantity: number;
  unitPrice: string;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create an invoice line. */
export interface NewInvoiceLine {
  invoiceId: number;
  label: string;
  quantity: number;
  unitPrice: string;
  note?: string | null;
}

/** A partial change to an invoice line; absent properties stay as they are. */
export type InvoiceLinePatch = Partial<NewInvoiceLine>;

/** What a list of invoiceLines can be narrowed by (each referenced row's id). */
export interface InvoiceLineFilter {
  invoiceId?: number;
}
