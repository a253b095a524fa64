import { z } from 'zod';
import { decimalString, defineCrudModule, pageQuery, slugString, storableString } from '../common/index.js';

/** Body of `POST /plans`: strict, unknown fields are refused; every string is bounded. */
export const createPlanBody = z.strictObject({
  title: storableString.min(1).max(255),
  slug: slugString.optional(),
  price: decimalString,
  description: storableString.max(10000).nullable().optional(),
});

/** Body of `PATCH /plans/:slug`: any subset of the create fields, at least one. */
export const updatePlanBody = createPlanBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export { pageQuery as plansPageQuery };

/** Path parameters of `/plans/:slug`: the route key, validated like the field. */
export const planIdParams = z.strictObject({
  slug: slugString,
});

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const plansApiSpec = defineCrudModule({
  path: '/plans',
  tag: 'plans',
  scope: 'PLAN',
  create: createPlanBody,
  update: updatePlanBody,
  list: pageQuery,
  item: planIdParams,
  actions: [
    // scaffold:usecase-actions
  ],
});
