import type { z } from 'zod';
import { errorResponse } from './openapi-responses.js';

type Json = Record<string, unknown>;

/** The parent of a nested module (`--parent`): its routes live under one parent row. */
export interface NestedParentSpec {
  /** The path parameter naming the parent row, e.g. `invoiceId` or `deliveryTrackingCode`. */
  param: string;
  /** The schema of that parameter (the parent's own item-route schema for a keyed parent). */
  params: z.ZodObject;
  /** The child's ref field to the parent, present in every answer, never in a body, e.g. `invoiceId`. */
  field: string;
  /** The parent's error scope: a missing parent answers 404 `<scope>.NOT_FOUND`. */
  scope: string;
}

/**
 * The property the parent ref adds to a nested module's entity schema: bodies never carry it (the
 * path names the parent), answers always do.
 *
 * @param parent - the module's parent, if nested.
 * @returns `{ <field>: positive integer }`, or nothing.
 */
export function parentFieldSchema(parent: NestedParentSpec | undefined): Json {
  return parent ? { [parent.field]: { type: 'integer', minimum: 1 } } : {};
}

/**
 * Puts every operation of a nested module under its parent: each takes the parent's path
 * parameter first and may answer 404 `<PARENT>.NOT_FOUND` (merged with its own 404, if any).
 *
 * @param paths - the module's path items, already built.
 * @param parent - the module's parent, if nested.
 * @param toSchema - turns a zod schema into its JSON Schema (the document's own conversion).
 * @returns the same path items (changed in place).
 */
export function nestUnderParent(paths: Json, parent: NestedParentSpec | undefined, toSchema: (schema: z.ZodType) => Json): Json {
  if (!parent) return paths;
  const schema = parent.params.shape[parent.param] as z.ZodType;
  const param = { name: parent.param, in: 'path', required: true, schema: toSchema(schema) };
  const missing = `${parent.scope}.NOT_FOUND: no parent with this ${parent.param}`;
  for (const item of Object.values(paths) as Record<string, Json>[]) {
    for (const op of Object.values(item)) {
      op.parameters = [param, ...((op.parameters as Json[] | undefined) ?? [])];
      const responses = op.responses as Json;
      const own = (responses[404] as { description?: string } | undefined)?.description;
      responses[404] = errorResponse(own ? `${own}; ${missing}` : missing);
    }
  }
  return paths;
}
