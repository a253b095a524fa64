import { z } from 'zod';
import { decimalString, defineCrudModule, idParams, pageQuery, storableString } from '../common/index.js';

/** Body of `POST /invoices/:invoiceId/invoice-lines`: strict, unknown fields are refused; every string is bounded. The parent ref comes from the path, never the body. */
export const createInvoiceLineBody = z.strictObject({
  label: storableString.min(1).max(255),
  quantity: z.number().int().min(-2147483648).max(2147483647),
  unitPrice: decimalString,
  note: storableString.max(10000).nullable().optional(),
});

/** Body of `PATCH /invoices/:invoiceId/invoice-lines/:id`: any subset of the create fields, at least one. */
export const updateInvoiceLineBody = createInvoiceLineBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export { idParams as invoiceLineIdParams, pageQuery as invoiceLinesPageQuery };

/** Path parameter of `/invoices/:invoiceId`: the parent's id. */
export const invoiceLinesParentParams = z.strictObject({
  invoiceId: idParams.shape.id,
});

/** Path parameters of the item routes `/invoices/:invoiceId/invoice-lines/:id`: the parent's and the invoice line's own. */
export const invoiceLineItemParams = invoiceLinesParentParams.extend(idParams.shape);

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const invoiceLinesApiSpec = defineCrudModule({
  path: '/invoices/{invoiceId}/invoice-lines',
  tag: 'invoiceLines',
  scope: 'INVOICE_LINE',
  create: createInvoiceLineBody,
  update: updateInvoiceLineBody,
  list: pageQuery,
  parent: { param: 'invoiceId', params: invoiceLinesParentParams, field: 'invoiceId', scope: 'INVOICE' },
  actions: [
    // scaffold:usecase-actions
  ],
});
