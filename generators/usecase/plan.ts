import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GeneratorInputError } from '../errors.js';
import { parseFields } from '../fields.js';
import { formatManifest, MANIFEST_FILE, parseManifest, type Manifest, type ModuleRecord } from '../manifest.js';
import { moduleNames, type ModuleNames } from '../naming.js';
import { readIfExists, type Change } from '../transaction.js';
import { insertAboveMarker, renderUsecasePatches, usecaseNames, type UsecaseNames } from './render.js';
import { DEFAULT_SHAPE, isDefaultShape, recordOf, shapeOf, type UsecaseRecord, type UsecaseShape } from './shape.js';
import { usecaseSchemaHelpers, withSchemaImports } from './view.js';
import { endpointView } from '../endpoint/view.js';
import type { Field } from '../fields.js';

/**
 * The `api/common` import list of a module's schemas file for a set of use cases.
 *
 * @param names - the module's names.
 * @param fields - its fields.
 * @param record - its record: `--auth`, and the shape (`--key`, `--unique`, `--filters`) that decides which CRUD helpers it imports.
 * @returns a function from use cases to the list (as the endpoint template writes it).
 */
export function schemaImportsOf(names: ModuleNames, fields: Field[], record: Pick<ModuleRecord, 'auth' | 'key' | 'unique' | 'filters'>): (usecases: UsecaseRecord[]) => string {
  const shape = { key: record.key, unique: record.unique, filters: record.filters };
  return (usecases) => (endpointView(names, fields, record.auth, usecaseSchemaHelpers(names, usecases), shape) as { schemaImports: string }).schemaImports;
}

/** What the `usecase` generator is asked to do. */
export interface UsecaseRequest {
  /** Absolute path of the target service. */
  serviceDir: string;
  /** An existing module, e.g. `invoices`. */
  module: string;
  /** The use case, e.g. `markPaid`. */
  name: string;
  /** Its HTTP shape; absent: the default (`POST` item, no body or query, answers the row). */
  shape?: UsecaseShape;
}

/** Everything the `usecase` generator will do, computed before anything is written. */
export interface UsecasePlan {
  names: ModuleNames;
  usecase: UsecaseNames;
  /** e.g. `POST /invoices/:id/mark-paid`. */
  route: string;
  /** The shape it was given (defaults filled). */
  shape: UsecaseShape;
  changes: Change[];
}

/**
 * Reads a service's manifest and the record of one of its modules.
 *
 * @param serviceDir - absolute service root.
 * @param name - the module's name.
 * @returns the manifest, its text as read and the module's record in it.
 * @throws {GeneratorInputError} when the module is not recorded in `scaffold.json`.
 */
export function recordedModule(serviceDir: string, name: string): { manifest: Manifest; manifestText: string; record: ModuleRecord } {
  const manifestText = readIfExists(serviceDir, MANIFEST_FILE);
  const manifest = parseManifest(manifestText);
  const record = manifest.modules.find((m) => m.name === name);
  if (!record || manifestText === undefined) {
    throw new GeneratorInputError(
      `Module "${name}" is not recorded in ${MANIFEST_FILE}: generate it first with npx plop endpoint (known: ${manifest.modules.map((m) => m.name).join(', ') || 'none'}).`,
    );
  }
  return { manifest, manifestText, record };
}

/**
 * Plans the `usecase` generator: validates the names against the module's record in
 * `scaffold.json`, then patches the module's service (signature, function), its tests, router,
 * OpenAPI actions and `.http` file at their `scaffold:usecase-*` markers, and records the use case.
 * Writes nothing.
 *
 * @param request - target service, module and use case name.
 * @returns the plan.
 * @throws {GeneratorInputError} on a bad or reserved name, a CRUD or existing use case name, an
 *   unknown module, or a module file without its marker.
 */
export function planUsecase(request: UsecaseRequest): UsecasePlan {
  const names = moduleNames(request.module);
  const usecase = usecaseNames(request.name);
  const serviceDir = resolve(request.serviceDir);
  if (!existsSync(join(serviceDir, 'package.json'))) throw new GeneratorInputError(`${serviceDir} is not a scaffold service: package.json is missing.`);
  const { manifest, manifestText, record } = recordedModule(serviceDir, names.name);
  if (record.parent !== undefined) throw new GeneratorInputError(`Module "${names.name}" is nested under "${record.parent}" (--parent): use cases on a nested module are not supported yet.`);
  if ((record.usecases ?? []).some((u) => shapeOf(u).name === usecase.usecase)) {
    throw new GeneratorInputError(`Module "${names.name}" already has the use case "${usecase.usecase}".`);
  }
  const fields = parseFields(record.fields, names.Entity);
  const contents = new Map<string, string>();
  const shape = request.shape ?? DEFAULT_SHAPE;
  const entry = recordOf(usecase.usecase, shape);
  if (shape.auth !== undefined && record.auth === undefined) {
    throw new GeneratorInputError(
      `--auth=${shape.auth} on a use case needs a module whose routes know the caller: "${names.name}" was generated without --auth (protect the whole module with npx plop endpoint … --auth=${shape.auth}).`,
    );
  }
  if (!isDefaultShape(shape) && fields.some((f) => f.owner)) {
    throw new GeneratorInputError(
      `Module "${names.name}" has an owner field: its use cases take the default shape only (POST /${names.route}/:id/${usecase.usecaseRoute}, the caller's own row); write the rule in its hand-written region.`,
    );
  }
  for (const patch of renderUsecasePatches(names, fields, entry, record.auth, { key: record.key, ...(manifest.wire?.envelope === true ? { envelope: true } : {}) })) {
    const before = contents.get(patch.path) ?? readIfExists(serviceDir, patch.path);
    if (before === undefined) throw new GeneratorInputError(`${patch.path} is missing: cannot add the use case.`);
    if (!contents.has(patch.path) && patch.path.endsWith('.service.ts') && new RegExp(`^\\s*${usecase.usecase}[:(]`, 'm').test(before)) {
      throw new GeneratorInputError(`${patch.path} already defines "${usecase.usecase}": choose another name.`);
    }
    contents.set(patch.path, insertAboveMarker(patch.path, before, patch.marker, patch.lines));
  }
  const recorded = record.usecases ?? [];
  const schemas = `src/backend/api/${names.name}/${names.name}.schemas.ts`;
  const schemasText = contents.get(schemas) ?? readIfExists(serviceDir, schemas);
  if (schemasText !== undefined) contents.set(schemas, withSchemaImports(schemas, schemasText, schemaImportsOf(names, fields, record), recorded, [...recorded, entry]));
  const changes: Change[] = [...contents].map(([path, content]) => ({ kind: 'modify', path, before: readIfExists(serviceDir, path) as string, content }));
  const next = { ...manifest, modules: manifest.modules.map((m) => (m === record ? { ...m, usecases: [...recorded, entry] } : m)) };
  changes.push({ kind: 'modify', path: MANIFEST_FILE, before: manifestText, content: formatManifest(next) });
  const path = shape.scope === 'item' ? `/:id/${usecase.usecaseRoute}` : `/${usecase.usecaseRoute}`;
  return { names, usecase, route: `${shape.method} /${names.route}${path}`, shape, changes };
}
