import { z } from 'zod';
import { decimalString, defineCrudModule, idParams, linkIds, linkIdsQuery, pageQuery, storableString } from '../common/index.js';

/** Body of `POST /products`: strict, unknown fields are refused; every string is bounded. */
export const createProductBody = z.strictObject({
  name: storableString.min(1).max(255),
  sku: storableString.min(1).max(255),
  price: decimalString,
  labels: linkIds.optional(),
});

/** Body of `PATCH /products/:id`: any subset of the create fields, at least one. */
export const updateProductBody = createProductBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

/** `?limit=&offset=` of `GET /products`, plus an optional filter by each referenced row's id and by linked ids (`?labels=1,2`: rows linking both). */
export const productsPageQuery = pageQuery.extend({
  labels: linkIdsQuery.optional(),
});

export { idParams as productIdParams };

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const productsApiSpec = defineCrudModule({
  path: '/products',
  tag: 'products',
  scope: 'PRODUCT',
  create: createProductBody,
  update: updateProductBody,
  list: productsPageQuery,
  actions: [
    // scaffold:usecase-actions
  ],
});
