import { z } from 'zod';
import { defineCrudModule, idParams, pageQuery, storableString } from '../common/index.js';

/** Body of `POST /labels`: strict, unknown fields are refused; every string is bounded. */
export const createLabelBody = z.strictObject({
  name: storableString.min(1).max(255),
  color: storableString.min(1).max(255).nullable().optional(),
});

/** Body of `PATCH /labels/:id`: any subset of the create fields, at least one. */
export const updateLabelBody = createLabelBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export { idParams as labelIdParams, pageQuery as labelsPageQuery };

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const labelsApiSpec = defineCrudModule({
  path: '/labels',
  tag: 'labels',
  scope: 'LABEL',
  create: createLabelBody,
  update: updateLabelBody,
  list: pageQuery,
  actions: [
    // scaffold:usecase-actions
  ],
});
