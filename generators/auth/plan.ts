import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertService, nextMigrationName, patchAtMarkers } from '../endpoint/plan.js';
import { GeneratorInputError } from '../errors.js';
import { formatManifest, MANIFEST_FILE, parseManifest, type Manifest } from '../manifest.js';
import { moduleNames } from '../naming.js';
import { renderString, renderTree, type RenderedFile } from '../render.js';
import { readIfExists, type Change } from '../transaction.js';
import { AUTH_DEPENDENCIES, AUTH_NAMES, AUTH_REGISTRATIONS } from './registrations.js';

/** Folder of the `auth` templates. */
export const AUTH_TEMPLATES = fileURLToPath(new URL('../../templates/auth', import.meta.url));

/** Folders the auth generator creates; none may exist before it runs. */
export const AUTH_FOLDERS = ['src/backend/services/users', 'src/backend/services/auth', 'src/backend/db/users', 'src/backend/db/auth', 'src/backend/api/auth'];

/** What `npx plop auth` is asked to do. */
export interface AuthRequest {
  serviceDir: string;
  /** Clock for the migration's timestamp; defaults to now. */
  now?: Date;
  /** Exact migration folder name (regeneration). */
  migration?: string;
}

/** The auth generator's files and registration blocks, rendered. */
export interface RenderedAuth {
  files: RenderedFile[];
  registrations: Map<string, [string, string[]][]>;
}

/**
 * Renders the users and auth modules; pure, reads only the templates.
 *
 * @param migration - the migration folder name.
 * @returns files and registration blocks.
 */
export function renderAuth(migration: string): RenderedAuth {
  const files = renderTree(AUTH_TEMPLATES, {}, { migration });
  const registrations = new Map<string, [string, string[]][]>();
  for (const reg of AUTH_REGISTRATIONS) {
    const blocks = registrations.get(reg.file) ?? [];
    blocks.push([reg.marker, reg.lines.map((l) => renderString(l, {}))]);
    registrations.set(reg.file, blocks);
  }
  return { files, registrations };
}

/**
 * The package.json change that adds the auth packages the service lacks (dependencies only;
 * scripts are never touched, rule R9).
 *
 * @param serviceDir - absolute service root.
 * @returns the change, or `undefined` when every package is there.
 */
function dependencyChange(serviceDir: string): Change | undefined {
  const before = readIfExists(serviceDir, 'package.json') ?? '{}';
  const pkg = JSON.parse(before) as { dependencies?: Record<string, string> };
  const missing = Object.entries(AUTH_DEPENDENCIES).filter(([name]) => pkg.dependencies?.[name] === undefined);
  if (missing.length === 0) return undefined;
  const dependencies = Object.fromEntries(Object.entries({ ...pkg.dependencies, ...Object.fromEntries(missing) }).sort(([a], [b]) => a.localeCompare(b)));
  return { kind: 'modify', path: 'package.json', before, content: `${JSON.stringify({ ...pkg, dependencies }, null, 2)}\n` };
}

/**
 * Refuses when a recorded module takes a name the auth generator owns.
 *
 * @param manifest - the service's manifest.
 * @throws {GeneratorInputError} naming the module.
 */
function assertNoClash(manifest: Manifest): void {
  for (const m of manifest.modules) {
    const names = moduleNames(m.name);
    const clash = [names.name, names.Entity, names.table, names.route].find((n) => AUTH_NAMES.includes(n));
    if (clash) throw new GeneratorInputError(`Module "${m.name}" takes the name "${clash}" that auth needs: destroy it first.`);
  }
}

/**
 * Plans `npx plop auth`: the users and auth modules, their migration, registrations, the manifest
 * record and any missing package. Writes nothing.
 *
 * @param request - target service, clock, migration name.
 * @returns the changes and the migration name.
 * @throws {GeneratorInputError} when the folder is not a service, auth is already there, a module
 *   or folder takes its names, or a marker is missing.
 */
export function planAuth(request: AuthRequest): { changes: Change[]; migration: string } {
  const serviceDir = resolve(request.serviceDir);
  assertService(serviceDir);
  const manifestText = readIfExists(serviceDir, MANIFEST_FILE);
  const manifest = parseManifest(manifestText);
  if (manifest.auth) throw new GeneratorInputError(`Auth is already set up in this service (${MANIFEST_FILE} records it).`);
  assertNoClash(manifest);
  for (const dir of AUTH_FOLDERS) {
    if (existsSync(join(serviceDir, dir))) throw new GeneratorInputError(`Refusing to set up auth: ${dir} already exists.`);
  }
  const migration = request.migration ?? nextMigrationName(serviceDir, 'create_auth', request.now ?? new Date());
  const rendered = renderAuth(migration);
  const changes: Change[] = rendered.files.map((file) => {
    if (existsSync(join(serviceDir, file.path))) throw new GeneratorInputError(`Refusing to overwrite ${file.path}: it already exists.`);
    return { kind: 'create' as const, path: file.path, content: file.content };
  });
  for (const [path, blocks] of rendered.registrations) {
    const before = readIfExists(serviceDir, path);
    if (before === undefined) throw new GeneratorInputError(`${path} is missing: cannot register auth.`);
    changes.push({ kind: 'modify', path, before, content: patchAtMarkers(path, before, blocks) });
  }
  const deps = dependencyChange(serviceDir);
  if (deps) changes.push(deps);
  const after = formatManifest({ ...manifest, auth: { migration } });
  changes.push(manifestText === undefined ? { kind: 'create', path: MANIFEST_FILE, content: after } : { kind: 'modify', path: MANIFEST_FILE, before: manifestText, content: after });
  return { changes, migration };
}
