import { z } from 'zod';
import { defineCrudModule, idParams, pageQuery, storableString } from '../common/index.js';

/** Body of `POST /notes`: strict, unknown fields are refused; every string is bounded. */
export const createNoteBody = z.strictObject({
  title: storableString.min(1).max(255),
  body: storableString.max(10000),
});

/** Body of `PATCH /notes/:id`: any subset of the create fields, at least one. */
export const updateNoteBody = createNoteBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

export { idParams as noteIdParams, pageQuery as notesPageQuery };

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const notesApiSpec = defineCrudModule({
  path: '/notes',
  tag: 'notes',
  scope: 'NOTE',
  create: createNoteBody,
  update: updateNoteBody,
  list: pageQuery,
  auth: true,
  ownerField: 'authorId',
  actions: [
    // scaffold:usecase-actions
  ],
});
