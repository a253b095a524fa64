import { z } from 'zod';
import { defineCrudModule, idParams, pageQuery, secretString, storableString } from '../common/index.js';

/** Body of `POST /customers`: strict, unknown fields are refused; every string is bounded. Secret fields become `Secret`s at once (never logged, never answered). */
export const createCustomerBody = z.strictObject({
  name: storableString.min(1).max(255),
  email: storableString.min(1).max(255),
  notes: storableString.max(10000).nullable().optional(),
  tier: z.enum(['standard', 'gold']).optional(),
  newsletter: z.boolean().nullable().optional(),
  accessKey: secretString.nullable().optional(),
});

/** Body of `PATCH /customers/:id`: any subset of the create fields, at least one. */
export const updateCustomerBody = createCustomerBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export { idParams as customerIdParams, pageQuery as customersPageQuery };

/** Query of `GET /customers/search` (use case `search`): strict, unknown parameters are refused. Adds `limit` and `offset`. */
export const customerSearchQuery = pageQuery.extend({
  email: storableString.min(1).max(255).optional(),
});

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const customersApiSpec = defineCrudModule({
  path: '/customers',
  tag: 'customers',
  scope: 'CUSTOMER',
  create: createCustomerBody,
  update: updateCustomerBody,
  list: pageQuery,
  secretFields: ['accessKey'],
  actions: [
    { name: 'search', method: 'get', scope: 'collection', query: customerSearchQuery, returns: 'list' },
    // scaffold:usecase-actions
  ],
});
