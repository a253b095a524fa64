import type { Field } from '../fields.js';
import { parseFields } from '../fields.js';
import type { ModuleRecord } from '../manifest.js';
import type { ModuleNames } from '../naming.js';
import { GeneratorInputError } from '../errors.js';
import type { NestedParent } from '../nested.js';

/** One field of a request body in a `.http` file: its name and its JSON value (a ref names a parent's id). */
interface HttpField {
  name: string;
  json: string;
}

/** A row a module's `.http` file creates first, so that every `ref(…)` points at a real row. */
interface HttpParent extends ModuleNames {
  /** httpyac request name, e.g. `parentCustomer`. */
  request: string;
  /** The created row's id as a request variable, e.g. `{{parentCustomer.id}}`. */
  requestId: string;
  /** Its item path segment: the id, or its route key (`{{parentArticle.slug}}`) when the module has `--key`. */
  requestItem: string;
  body: HttpField[];
  /** The parent's routes need a signed-in user (`--auth`): its requests carry the token. */
  auth: boolean;
}

const parentRequest = (target: ModuleNames): string => `parent${target.Entity}`;

/** A member of a created row as a request variable: `{{parentCustomer.id}}`, or `{{parentCustomer.customer?.id}}` under the wire envelope (a refused create answers no row). */
const rowVariable = (target: ModuleNames, member: string, envelope: boolean): string => `{{${parentRequest(target)}${envelope ? `.${target.entity}?` : ''}.${member}}}`;

// An owner field is never sent: the service sets it from the signed-in user.
const httpBody = (fields: Field[], pick: (f: Field) => string, envelope: boolean): HttpField[] =>
  fields.filter((f) => !f.owner).map((f) => ({ name: f.name, json: f.ref ? rowVariable(f.ref.target, 'id', envelope) : f.links ? `[${rowVariable(f.links.target, 'id', envelope)}]` : pick(f) }));

/**
 * What the `.http` template needs so that the file passes the runtime gate on its own, in any
 * order the files run: every row the module references (and, transitively, every row those
 * reference) is created first through a named request, deepest first, and deleted at the end
 * after the module's own row — children before parents, so a `RESTRICT` foreign key never refuses.
 *
 * @param fields - the module's fields.
 * @param modules - the service's recorded modules (the referenced ones must be among them).
 * @param route - the module's route segment.
 * @param nested - its parent, when nested (`--parent`): its requests go under the parent's row.
 * @param envelope - the service's wire envelope: a created row is read under its entity's key.
 * @returns `httpRoute` (the module's path after the base URL), `httpCreate` / `httpUpdate` bodies (owner fields left out), `httpParents` in creation
 *   order and `httpParentsReversed` in deletion order, `httpLogin` when a parent needs a token.
 * @throws {GeneratorInputError} when a referenced module is not recorded.
 */
export function httpView(fields: Field[], modules: ModuleRecord[], route = '', nested?: NestedParent, envelope = false): object {
  const parentId = (target: ModuleNames): string => rowVariable(target, 'id', envelope);
  const parents: HttpParent[] = [];
  const visit = (own: Field[]): void => {
    for (const f of own) {
      const target = f.ref?.target ?? f.links?.target;
      if (!target || f.owner || parents.some((p) => p.name === target.name)) continue;
      const record = modules.find((m) => m.name === target.name);
      if (!record) throw new GeneratorInputError(`Field "${f.spec}" references module "${target.name}", which is not recorded in scaffold.json.`);
      const targetFields = parseFields(record.fields, target.Entity);
      // A placeholder first stops a (hand-made) reference cycle; the real entry follows its own parents.
      parents.push({ ...target, request: parentRequest(target), requestId: parentId(target), requestItem: parentId(target), body: [], auth: false });
      visit(targetFields);
      const at = parents.findIndex((p) => p.name === target.name);
      parents.splice(at, 1);
      const body = httpBody(targetFields, (t) => t.json, envelope);
      const requestItem = rowVariable(target, record.key ?? 'id', envelope);
      parents.push({ ...target, request: parentRequest(target), requestId: parentId(target), requestItem, body, auth: record.auth !== undefined });
    }
  };
  visit(fields);
  // A nested module's body never holds its parent ref: the path names the parent.
  const own = fields.filter((f) => f.name !== nested?.field);
  const under = parents.find((p) => p.name === nested?.name);
  return {
    /** The module's own path: under its parent's created row when nested (`invoices/{{parentInvoice.id}}/lines`). */
    httpRoute: under ? `${under.route}/${under.requestItem}/${route}` : route,
    /** Some parent needs a token: the file imports auth.http even when the module itself is public. */
    httpLogin: parents.some((p) => p.auth),
    /** A derived key (`slug(…)`) is left to the service on create. */
    httpCreate: httpBody(own.filter((f) => f.derivedFrom === undefined), (f) => f.json, envelope),
    httpUpdate: httpBody(own, (f) => f.json2, envelope),
    httpParents: parents,
    httpParentsReversed: [...parents].reverse(),
  };
}
