import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { GeneratorInputError } from '../errors.js';
import { parseFields } from '../fields.js';
import { formatManifest, MANIFEST_FILE, parseManifest } from '../manifest.js';
import { moduleNames } from '../naming.js';
import { readIfExists, type Change } from '../transaction.js';
import { renderUsecasePatches } from './render.js';
import { schemaImportsOf } from './plan.js';
import { shapeOf } from './shape.js';
import { withSchemaImports } from './view.js';

/** What `destroy <module> --usecase=<name>` is asked to do. */
export interface DestroyUsecaseRequest {
  serviceDir: string;
  module: string;
  usecase: string;
  /** Remove blocks whose inside was edited by hand (found by their first and last lines). */
  force?: boolean;
}

const indexOfBlock = (lines: string[], block: string[]): number => {
  for (let i = lines.length - block.length; i >= 0; i -= 1) {
    if (block.every((line, j) => lines[i + j] === line)) return i;
  }
  return -1;
};

/**
 * Finds where one patch of a use case sits in a file: the exact lines it inserted or, with
 * `force`, the span from the block's first line unique in the file (lines above it unchanged) to
 * the next occurrence of its last line (the inside edited by hand).
 *
 * @returns `[start, count]` of the lines to remove.
 * @throws {GeneratorInputError} when the block was edited (without force) or cannot be found.
 */
function locate(path: string, lines: string[], block: string[], usecase: string, force: boolean): [number, number] {
  const exact = indexOfBlock(lines, block);
  if (exact >= 0) return [exact, block.length];
  if (!force) {
    throw new GeneratorInputError(`${path}: the code of use case "${usecase}" was edited by hand since generation: remove it by hand, or pass --force to remove it anyway.`);
  }
  const anchor = block.findIndex((l) => l.trim() !== '' && lines.filter((x) => x === l).length === 1);
  const at = anchor < 0 ? -1 : lines.indexOf(block[anchor] as string);
  const start = at - anchor;
  // The block ends at the same count of its last line (e.g. `  });`) as it holds from the anchor on.
  const last = block.at(-1) as string;
  const wanted = block.slice(anchor).filter((l) => l === last).length;
  let end = -1;
  for (let i = Math.max(at, 0), seen = 0; at >= 0 && i < lines.length; i += 1) {
    if (lines[i] === last && (seen += 1) === wanted) {
      end = i;
      break;
    }
  }
  if (at < 0 || end < 0 || start < 0 || !block.slice(0, anchor).every((l, j) => lines[start + j] === l)) {
    throw new GeneratorInputError(`${path}: the code of use case "${usecase}" cannot be found any more: remove it by hand.`);
  }
  return [start, end - start + 1];
}

/**
 * Plans the removal of one use case from a module: the blocks `usecase` inserted into the module's
 * service, tests, router, schemas and `.http` file (rendered again from the record in
 * `scaffold.json`) and its record. Code outside those blocks is untouched. Writes nothing.
 *
 * @param request - service, module, use case, force.
 * @returns the changes.
 * @throws {GeneratorInputError} when the module or use case is not recorded, a block was edited
 *   by hand (unless force), or a file is missing.
 */
export function planDestroyUsecase(request: DestroyUsecaseRequest): Change[] {
  const serviceDir = resolve(request.serviceDir);
  const manifestText = readIfExists(serviceDir, MANIFEST_FILE);
  const manifest = parseManifest(manifestText);
  const record = manifest.modules.find((m) => m.name === request.module.trim());
  if (!record || manifestText === undefined) throw new GeneratorInputError(`No generated module "${request.module}" is recorded in ${MANIFEST_FILE}.`);
  const entry = (record.usecases ?? []).find((u) => shapeOf(u).name === request.usecase.trim());
  if (entry === undefined) {
    const known = (record.usecases ?? []).map((u) => shapeOf(u).name).join(', ') || 'none';
    throw new GeneratorInputError(`Module "${record.name}" has no use case "${request.usecase}" recorded in ${MANIFEST_FILE} (known: ${known}).`);
  }
  const names = moduleNames(record.name);
  const contents = new Map<string, string>();
  for (const patch of renderUsecasePatches(names, parseFields(record.fields, names.Entity), entry, record.auth, { key: record.key, ...(manifest.wire?.envelope === true ? { envelope: true } : {}) })) {
    const before = contents.get(patch.path) ?? readIfExists(serviceDir, patch.path);
    if (before === undefined) throw new GeneratorInputError(`${patch.path} is missing: remove the use case by hand.`);
    const lines = before.split('\n');
    const [start, count] = locate(patch.path, lines, patch.lines, shapeOf(entry).name, request.force === true);
    lines.splice(start, count);
    contents.set(patch.path, lines.join('\n'));
  }
  const usecases = (record.usecases ?? []).filter((u) => u !== entry);
  const fields = parseFields(record.fields, names.Entity);
  const schemas = `src/backend/api/${names.name}/${names.name}.schemas.ts`;
  const schemasText = contents.get(schemas) ?? readIfExists(serviceDir, schemas);
  if (schemasText !== undefined) contents.set(schemas, withSchemaImports(schemas, schemasText, schemaImportsOf(names, fields, record), record.usecases ?? [], usecases));
  const changes: Change[] = [...contents].map(([path, content]) => ({ kind: 'modify', path, before: readIfExists(serviceDir, path) as string, content }));
  const { usecases: _dropped, ...rest } = record;
  const next = { ...manifest, modules: manifest.modules.map((m) => (m === record ? { ...rest, ...(usecases.length ? { usecases } : {}) } : m)) };
  changes.push({ kind: 'modify', path: MANIFEST_FILE, before: manifestText, content: formatManifest(next) });
  return changes;
}

/**
 * Tells whether a use case is committed: the `scaffold.json` in `HEAD` of the git repository
 * holding the service records it. Removing an uncommitted use case also forgets its log chunk, so
 * `usecase` then `destroy --usecase` leaves `git status` clean.
 *
 * @param serviceDir - absolute service root.
 * @param module - the module.
 * @param usecase - the use case.
 * @returns false when not committed, or there is no repository.
 */
export function isUsecaseCommitted(serviceDir: string, module: string, usecase: string): boolean {
  const head = spawnSync('git', ['show', `HEAD:./${MANIFEST_FILE}`], { cwd: resolve(serviceDir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  if (head.status !== 0) return false;
  try {
    const record = parseManifest(head.stdout).modules.find((m) => m.name === module.trim());
    return (record?.usecases ?? []).some((u) => shapeOf(u).name === usecase.trim());
  } catch {
    return false;
  }
}
