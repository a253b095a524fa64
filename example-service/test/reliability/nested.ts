import fc from 'fast-check';
import request from 'supertest';
import { z } from 'zod';
import type { createApp } from '../../src/app.js';
import * as api from '../../src/backend/api/index.js';
import { bodyArb, type BodySchema } from './arbitraries.js';

/**
 * A nested module's collection path with its parent's placeholder filled by a real parent row
 * (`/invoices/{invoiceId}/invoice-lines` → `/invoices/7/invoice-lines`), created from random
 * bodies the parent accepts; a module that is not nested keeps its path.
 *
 * @param app - the app under test.
 * @param spec - the module's spec.
 * @param specs - every module's spec (the parent is among them).
 * @param bearer - the `authorization` header value for a module that needs one ('' for none).
 * @returns the path with every placeholder of the parent filled.
 * @throws {Error} when the parent is not among `specs` or accepts none of 200 random bodies.
 */
export async function underRealParent(app: ReturnType<typeof createApp>, spec: api.CrudModuleSpec, specs: api.CrudModuleSpec[], bearer = ''): Promise<string> {
  if (!spec.parent) return spec.path;
  const placeholder = `{${spec.parent.param}}`;
  const parentPath = spec.path.slice(0, spec.path.indexOf(placeholder) - 1);
  const parent = specs.find((s) => s.path === parentPath);
  if (!parent) throw new Error(`${spec.path}: no module at ${parentPath}`);
  const schema = z.toJSONSchema(parent.create, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as BodySchema;
  for (const body of fc.sample(bodyArb(schema), 200)) {
    const res = await request(app).post(parent.path).set(parent.auth ? { authorization: bearer } : {}).send(body);
    if (res.status === 201) return spec.path.replace(placeholder, encodeURIComponent(String(res.body[api.itemParamOf(parent)])));
  }
  throw new Error(`${parentPath} accepted none of 200 random bodies: no parent row for ${spec.path}`);
}
