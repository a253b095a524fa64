import { z } from 'zod';
import { bigintString, datetimeString, decimalString, defineCrudModule, idParams, jsonObject, pageQuery, uuidString } from '../common/index.js';

/** Body of `POST /receipts`: strict, unknown fields are refused; every string is bounded. */
export const createReceiptBody = z.strictObject({
  invoiceId: z.number().int().min(1).max(2147483647),
  amount: decimalString,
  method: z.enum(['card', 'transfer', 'cash']).optional(),
  status: z.enum(['refunded', 'received']).optional(),
  reference: uuidString.optional(),
  receivedAt: datetimeString.optional(),
  installment: z.number().int().min(-2147483648).max(2147483647).optional(),
  providerTxId: bigintString.nullable().optional(),
  details: jsonObject,
  metadata: jsonObject.nullable().optional(),
});

/** Body of `PATCH /receipts/:id`: any subset of the create fields, at least one. */
export const updateReceiptBody = createReceiptBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

/** `?limit=&offset=` of `GET /receipts`, plus an optional filter by each referenced row's id. */
export const receiptsPageQuery = pageQuery.extend({
  invoiceId: idParams.shape.id.optional(),
});

export { idParams as receiptIdParams };

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const receiptsApiSpec = defineCrudModule({
  path: '/receipts',
  tag: 'receipts',
  scope: 'RECEIPT',
  create: createReceiptBody,
  update: updateReceiptBody,
  list: receiptsPageQuery,
  actions: [
    'refund',
    // scaffold:usecase-actions
  ],
});
