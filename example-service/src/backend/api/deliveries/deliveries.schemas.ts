import { z } from 'zod';
import { datetimeString, decimalString, defineCrudModule, listQuery, storableString } from '../common/index.js';
import { deliveryListFields } from '../../services/deliveries/index.js';

/** Body of `POST /deliveries`: strict, unknown fields are refused; every string is bounded. */
export const createDeliveryBody = z.strictObject({
  invoiceId: z.number().int().min(1).max(2147483647),
  trackingCode: storableString.min(1).max(255).regex(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/, { error: 'letters, digits and - . _ ~ only, not starting with .' }),
  recipient: storableString.min(1).max(255),
  carrier: z.enum(['post', 'courier', 'pickup']).optional(),
  weightGrams: z.number().int().min(-2147483648).max(2147483647),
  shippedAt: datetimeString.nullable().optional(),
  cost: decimalString.nullable().optional(),
  fragile: z.boolean().optional(),
  note: storableString.max(10000).nullable().optional(),
});

/** Body of `PATCH /deliveries/:trackingCode`: any subset of the create fields, at least one. */
export const updateDeliveryBody = createDeliveryBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

/** Query of `GET /deliveries`: `limit`, `offset`, a filter per field and operator, `sort` (see `listQuery`). */
export const deliveriesListQuery = listQuery(deliveryListFields);


/** Path parameters of `/deliveries/:trackingCode`: the route key, validated like the field. */
export const deliveryIdParams = z.strictObject({
  trackingCode: storableString.min(1).max(255).regex(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/, { error: 'letters, digits and - . _ ~ only, not starting with .' }),
});

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const deliveriesApiSpec = defineCrudModule({
  path: '/deliveries',
  tag: 'deliveries',
  scope: 'DELIVERY',
  create: createDeliveryBody,
  update: updateDeliveryBody,
  list: deliveriesListQuery.in,
  item: deliveryIdParams,
  actions: [
    // scaffold:usecase-actions
  ],
});
