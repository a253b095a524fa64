import { z } from 'zod';
import { datetimeString, decimalString, defineCrudModule, idParams, pageQuery, storableString } from '../common/index.js';

/** Body of `POST /invoices`: strict, unknown fields are refused; every string is bounded. */
export const createInvoiceBody = z.strictObject({
  number: storableString.min(1).max(255),
  amount: decimalString,
  paid: z.boolean(),
  dueAt: datetimeString.nullable().optional(),
  note: storableString.max(10000).nullable().optional(),
});

/** Body of `PATCH /invoices/:id`: any subset of the create fields, at least one. */
export const updateInvoiceBody = createInvoiceBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export { idParams as invoiceIdParams, pageQuery as invoicesPageQuery };

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const invoicesApiSpec = defineCrudModule({
  path: '/invoices',
  tag: 'invoices',
  scope: 'INVOICE',
  create: createInvoiceBody,
  update: updateInvoiceBody,
  list: pageQuery,
  actions: [
    // scaffold:usecase-actions
  ],
});
