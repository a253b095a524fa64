import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeneratorInputError } from '../errors.js';
import { normaliseSpec, parseFields, type Field } from '../fields.js';
import { withFieldHistory } from '../field/history.js';
import { formatManifest, MANIFEST_FILE, parseManifest, type FieldStep, type ModuleRecord, type Wire } from '../manifest.js';
import { moduleNames, type ModuleNames } from '../naming.js';
import { renderString, renderTree, type RenderedFile } from '../render.js';
import { readIfExists, type Change } from '../transaction.js';
import { withUsecases } from '../usecase/render.js';
import { usecaseSchemaHelpers } from '../usecase/view.js';
import type { UsecaseRecord } from '../usecase/shape.js';
import { ENDPOINT_REGISTRATIONS } from './registrations.js';
import { parseNested, withParentOnDelete } from '../nested.js';
import { assertAuthOptions, assertNotAuthName } from '../auth/registrations.js';
import { assertFitsService, endpointView, relationRegistrations, type ModuleShape } from './view.js';
import { httpView } from './http-view.js';

/** Folder of the `endpoint` templates. */
export const ENDPOINT_TEMPLATES = fileURLToPath(new URL('../../templates/endpoint', import.meta.url));
const MIGRATIONS_DIR = 'prisma/migrations';

/** What the `endpoint` generator is asked to do. */
export interface EndpointRequest {
  /** Absolute path of the target service (holds `package.json`, `src/backend`, `prisma`). */
  serviceDir: string;
  /** Module name, e.g. `invoices`. */
  name: string;
  /** Field spec, e.g. `number:string amount:int note:text?`. */
  fields: string;
  /** Clock for the migration's timestamp; defaults to now. */
  now?: Date;
  /** Exact migration folder name (used when regenerating a recorded module). */
  migration?: string;
  /** Use cases to render into the module (used when regenerating a recorded module). */
  usecases?: UsecaseRecord[];
  /** Field history (`npx plop field`) to reproduce (used when regenerating a recorded module). */
  createdWith?: string;
  history?: FieldStep[];
  /** `--auth` (true) or `--auth=<role>`: routes need a signed-in user; needed by an owner field. */
  auth?: true | string;
  /** `--unique`: composite unique indexes, e.g. `follower,followed` (groups separated by spaces). */
  unique?: string;
  /** `--key`: the unique field the item routes are addressed by (`/<route>/:<key>`), e.g. `slug`. */
  key?: string;
  /** `--filters`: the list route filters, sorts and counts. */
  filters?: boolean;
  /** `--parent`: the module the routes nest under (`/<parent route>/:<parentKey>/<route>`), e.g. `invoices`. */
  parent?: string;
  /** `--on-delete`: `cascade` or `restrict` (the default), what deleting the parent does to its children. */
  onDelete?: string;
}

/** Everything the generator will do, computed before anything is written. */
export interface EndpointPlan {
  names: ModuleNames;
  fields: Field[];
  record: ModuleRecord;
  changes: Change[];
}

/**
 * Formats a migration timestamp as Prisma does: `YYYYMMDDHHMMSS` in UTC.
 *
 * @param date - the instant.
 * @returns 14 digits.
 */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * The next migration folder name: `<timestamp>_<suffix>`, later than every existing one.
 *
 * @param serviceDir - absolute service root.
 * @param suffix - e.g. `create_orders`.
 * @param now - the clock.
 * @returns the folder name.
 */
export function nextMigrationName(serviceDir: string, suffix: string, now: Date): string {
  const dir = join(serviceDir, MIGRATIONS_DIR);
  const latest = existsSync(dir)
    ? readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort().at(-1)?.slice(0, 14)
    : undefined;
  let stamp = migrationTimestamp(now);
  if (latest !== undefined && stamp <= latest) {
    const t = latest;
    const parsed = Date.UTC(+t.slice(0, 4), +t.slice(4, 6) - 1, +t.slice(6, 8), +t.slice(8, 10), +t.slice(10, 12), +t.slice(12, 14));
    stamp = migrationTimestamp(new Date(parsed + 1000));
  }
  return `${stamp}_${suffix}`;
}

function assertInside(serviceDir: string, path: string): void {
  const rel = relative(serviceDir, resolve(serviceDir, path));
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new GeneratorInputError(`Refusing to write ${path}: it resolves outside the service folder.`);
  }
}

/**
 * Checks that a folder is a scaffold service (package.json, src/backend, prisma/migrations).
 *
 * @param serviceDir - absolute service root.
 * @throws {GeneratorInputError} naming the missing part.
 */
export function assertService(serviceDir: string): void {
  for (const part of ['package.json', 'src/backend', MIGRATIONS_DIR]) {
    if (!existsSync(join(serviceDir, part))) {
      throw new GeneratorInputError(`${serviceDir} is not a scaffold service: ${part} is missing.`);
    }
  }
}

/**
 * Computes the anchored patches of one file: each block goes just above its marker line, with the
 * marker's indentation.
 *
 * @param path - file relative to the service root.
 * @param before - its current content.
 * @param blocks - `[marker, lines]` pairs, already rendered.
 * @returns the patched content.
 * @throws {GeneratorInputError} when a marker is missing or repeated, or a line is already there.
 */
export function patchAtMarkers(path: string, before: string, blocks: [string, string[]][]): string {
  let lines = before.split('\n');
  for (const [marker, insert] of blocks) {
    const at = lines.map((l, i) => (l.trim() === marker ? i : -1)).filter((i) => i >= 0);
    if (at.length !== 1) {
      throw new GeneratorInputError(`${path} must hold the marker line "${marker}" exactly once (found ${at.length}).`);
    }
    const index = at[0] as number;
    const indent = /^\s*/.exec(lines[index] as string)?.[0] ?? '';
    for (const line of insert) {
      if (lines.some((l) => l.trim() === line)) {
        throw new GeneratorInputError(`${path} already registers this module ("${line}").`);
      }
    }
    lines = [...lines.slice(0, index), ...insert.map((l) => indent + l), ...lines.slice(index)];
  }
  return lines.join('\n');
}

/** A module's files and registration blocks, rendered. */
export interface RenderedEndpoint {
  files: RenderedFile[];
  /** File → `[marker, lines]` blocks to insert above each marker. */
  registrations: Map<string, [string, string[]][]>;
}

/**
 * Renders a module's files and registration lines; pure, reads only the templates.
 *
 * @param names - the module's names.
 * @param parsed - its parsed fields (a nested module's parent ref gets `--on-delete`).
 * @param migration - the migration folder name.
 * @param modules - the service's other recorded modules (the `.http` file creates the rows its refs need).
 * @param usecases - the module's recorded use cases, patched into its files.
 * @param auth - `--auth` (true) or its role.
 * @param shape - `--unique` (composite unique indexes), `--key` (the route key), `--filters`, `--parent` and `--on-delete`, if any.
 * @returns files and registration blocks.
 * @throws {GeneratorInputError} when a referenced module is not among `modules`, the shape is invalid, or nesting is refused (see `parseNested`).
 */
export function renderEndpoint(names: ModuleNames, parsed: Field[], migration: string, modules: ModuleRecord[], usecases: UsecaseRecord[] = [], auth?: true | string, shape: ModuleShape = {}): RenderedEndpoint {
  const parent = parseNested(shape, names, parsed, modules.filter((m) => m.name !== names.name));
  if (parent && usecases.length > 0) throw new GeneratorInputError(`Module "${names.name}" is nested under "${parent.name}" (--parent): use cases on a nested module are not supported yet.`);
  const fields = withParentOnDelete(parsed, parent);
  const view = { ...endpointView(names, fields, auth, usecaseSchemaHelpers(names, usecases), shape, parent), ...httpView(fields, modules, names.route, parent, shape.envelope === true) };
  const files = withUsecases(renderTree(ENDPOINT_TEMPLATES, view, { name: names.name, migration }), names, fields, usecases, auth, shape);
  const registrations = new Map<string, [string, string[]][]>();
  for (const reg of [...ENDPOINT_REGISTRATIONS, ...relationRegistrations(names, fields)]) {
    const blocks = registrations.get(reg.file) ?? [];
    blocks.push([reg.marker, reg.lines.map((l) => renderString(l, view))]);
    registrations.set(reg.file, blocks);
  }
  return { files, registrations };
}

/**
 * Renders a recorded module as the generators left it: its files from its current fields and use
 * cases, its create migration from the fields it was created with, and one migration per field step.
 *
 * @param names - the module's names.
 * @param record - its record in `scaffold.json` (or a request shaped like one).
 * @param modules - the service's recorded modules (the `.http` file creates the rows its refs need).
 * @param wire - the service's wire style (`scaffold.json` `wire`).
 * @returns files and registration blocks.
 * @throws {GeneratorInputError} when a recorded spec no longer parses.
 */
export function renderModule(names: ModuleNames, record: Pick<ModuleRecord, 'fields' | 'migration' | 'usecases' | 'createdWith' | 'history' | 'auth' | 'unique' | 'key' | 'filters' | 'parent' | 'onDelete'>, modules: ModuleRecord[], wire: Wire = {}): RenderedEndpoint {
  const nested = { ...(record.parent !== undefined ? { parent: record.parent } : {}), ...(record.onDelete !== undefined ? { onDelete: record.onDelete } : {}) };
  const shape = { unique: record.unique, key: record.key, filters: record.filters, ...nested, ...(wire.envelope === true ? { envelope: true } : {}) };
  const rendered = renderEndpoint(names, parseFields(record.fields, names.Entity), record.migration, modules, record.usecases, record.auth, shape);
  const createFile = `${MIGRATIONS_DIR}/${record.migration}/migration.sql`;
  const renderCreate = (spec: string): string =>
    renderEndpoint(names, parseFields(spec, names.Entity), record.migration, modules, [], record.auth, shape).files.find((f) => f.path === createFile)?.content ?? '';
  return { ...rendered, files: withFieldHistory(rendered.files, names, record, renderCreate) };
}

/**
 * Plans the `endpoint` generator: validates the name, the fields and the target, renders every
 * file and computes every patch. Writes nothing.
 *
 * @param request - target service, module name, field spec.
 * @returns the plan.
 * @throws {GeneratorInputError} on a bad name or field spec, a module/route/table that exists,
 *   a path outside the service, or a missing marker.
 */
export function planEndpoint(request: EndpointRequest): EndpointPlan {
  const names = moduleNames(request.name);
  const fields = parseFields(request.fields, names.Entity);
  const serviceDir = resolve(request.serviceDir);
  assertService(serviceDir);
  const manifestText = readIfExists(serviceDir, MANIFEST_FILE);
  const manifest = parseManifest(manifestText);
  assertFitsService(names, fields, manifest.modules);
  assertNotAuthName(names, manifest.auth !== undefined);
  assertAuthOptions(fields, request.auth, manifest.auth !== undefined);
  for (const dir of ['services', 'db', 'api']) {
    if (existsSync(join(serviceDir, 'src/backend', dir, names.name))) {
      throw new GeneratorInputError(`Module "${names.name}" already exists: src/backend/${dir}/${names.name} is there.`);
    }
  }
  const migration = request.migration ?? nextMigrationName(serviceDir, `create_${names.table}`, request.now ?? new Date());
  const usecases = request.usecases ?? [];
  const history = request.history ?? [];
  const unique = request.unique === undefined ? undefined : normaliseSpec(request.unique);
  const key = request.key?.trim();
  const onDelete = request.onDelete?.trim() as ModuleRecord['onDelete'];
  const nested = { ...(request.parent !== undefined ? { parent: request.parent.trim() } : {}), ...(onDelete !== undefined ? { onDelete } : {}) };
  const rendered = renderModule(names, { fields: request.fields, migration, usecases, createdWith: request.createdWith, history, ...(request.auth !== undefined ? { auth: request.auth } : {}), ...(unique !== undefined ? { unique } : {}), ...(key !== undefined ? { key } : {}), ...(request.filters === true ? { filters: true } : {}), ...nested }, manifest.modules, manifest.wire);
  const changes: Change[] = rendered.files.map((file) => {
    assertInside(serviceDir, file.path);
    if (existsSync(join(serviceDir, file.path))) {
      throw new GeneratorInputError(`Refusing to overwrite ${file.path}: it already exists.`);
    }
    return { kind: 'create' as const, path: file.path, content: file.content };
  });
  for (const [path, blocks] of rendered.registrations) {
    const before = readIfExists(serviceDir, path);
    if (before === undefined) throw new GeneratorInputError(`${path} is missing: cannot register the module.`);
    changes.push({ kind: 'modify', path, before, content: patchAtMarkers(path, before, blocks) });
  }
  const record: ModuleRecord = {
    name: names.name, fields: normaliseSpec(request.fields), migration, ...(usecases.length > 0 ? { usecases } : {}),
    ...(history.length > 0 ? { createdWith: request.createdWith, history } : {}),
    ...(request.auth !== undefined ? { auth: request.auth } : {}),
    ...(unique !== undefined ? { unique } : {}),
    ...(key !== undefined ? { key } : {}),
    ...(request.filters === true ? { filters: true } : {}),
    ...nested,
  };
  const manifestAfter = formatManifest({ ...manifest, modules: [...manifest.modules, record] });
  changes.push(
    manifestText === undefined
      ? { kind: 'create', path: MANIFEST_FILE, content: manifestAfter }
      : { kind: 'modify', path: MANIFEST_FILE, before: manifestText, content: manifestAfter },
  );
  return { names, fields, record, changes };
}
