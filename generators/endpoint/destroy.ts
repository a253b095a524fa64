import { resolve } from 'node:path';
import { GeneratorInputError } from '../errors.js';
import { parseFields } from '../fields.js';
import { formatManifest, MANIFEST_FILE, parseManifest, type ModuleRecord } from '../manifest.js';
import { moduleNames } from '../naming.js';
import { readIfExists, type Change } from '../transaction.js';
import { renderModule } from './plan.js';

/** What `destroy` is asked to do. */
export interface DestroyRequest {
  serviceDir: string;
  name: string;
  /** Delete the module's files even when they differ from a fresh rendering (template changed). */
  force?: boolean;
}

/** Whether a module's current fields reference (`ref`) or link (`refs`) another, by name. */
const uses = (module: ModuleRecord, target: string): boolean => parseFields(module.fields).some((f) => (f.ref ?? f.links)?.target.name === target);

/**
 * An order in which every recorded module can be destroyed, since `destroy` refuses a module that
 * others still reference: each one after every module that references or links it (a field step
 * may have added a ref to a module created later), the latest recorded first among those free.
 *
 * @param modules - the service's recorded modules.
 * @returns the same records, in destruction order.
 * @throws {GeneratorInputError} when modules reference each other in a cycle.
 */
export function destructionOrder(modules: ModuleRecord[]): ModuleRecord[] {
  const left = [...modules];
  const order: ModuleRecord[] = [];
  while (left.length > 0) {
    const free = left.findLastIndex((m) => !left.some((other) => other !== m && uses(other, m.name)));
    if (free < 0) throw new GeneratorInputError(`Modules ${left.map((m) => m.name).join(', ')} reference each other: remove one of the refs with npx plop field first.`);
    order.push(...left.splice(free, 1));
  }
  return order;
}

/**
 * Plans the removal of a generated module: its files and its registration lines, found by
 * rendering the module again from its record in `scaffold.json`. Writes nothing.
 *
 * @param request - target service and module name.
 * @returns the changes that remove the module.
 * @throws {GeneratorInputError} when the module is not recorded, or a file or registration line
 *   differs from what the generator wrote (hand edits are never clobbered).
 */
export function planDestroy(request: DestroyRequest): Change[] {
  const serviceDir = resolve(request.serviceDir);
  const manifestText = readIfExists(serviceDir, MANIFEST_FILE);
  const manifest = parseManifest(manifestText);
  const record = manifest.modules.find((m) => m.name === request.name);
  if (!record || manifestText === undefined) {
    throw new GeneratorInputError(`No generated module "${request.name}" is recorded in ${MANIFEST_FILE}.`);
  }
  const users = manifest.modules.filter((m) => m !== record && uses(m, record.name));
  if (users.length > 0) {
    throw new GeneratorInputError(`Module "${record.name}" is referenced (ref or refs) by ${users.map((m) => m.name).join(', ')}: destroy those first.`);
  }
  const names = moduleNames(record.name);
  const rendered = renderModule(names, record, manifest.modules, manifest.wire);
  const changes: Change[] = rendered.files.flatMap((file): Change[] => {
    const current = readIfExists(serviceDir, file.path);
    if (current === undefined && request.force) return [];
    if (current === undefined || (current !== file.content && !request.force)) {
      throw new GeneratorInputError(`${file.path} is missing or was edited since generation: remove it by hand.`);
    }
    return [{ kind: 'delete', path: file.path, before: current }];
  });
  for (const [path, blocks] of rendered.registrations) {
    const before = readIfExists(serviceDir, path) ?? '';
    let lines = before.split('\n');
    for (const [, insert] of blocks) {
      for (const line of insert) {
        const at = lines.findIndex((l) => l.trim() === line);
        if (at < 0) throw new GeneratorInputError(`${path} no longer holds "${line}": remove the module by hand.`);
        lines = [...lines.slice(0, at), ...lines.slice(at + 1)];
      }
    }
    changes.push({ kind: 'modify', path, before, content: lines.join('\n') });
  }
  const rest = { ...manifest, modules: manifest.modules.filter((m) => m !== record) };
  changes.push({ kind: 'modify', path: MANIFEST_FILE, before: manifestText, content: formatManifest(rest) });
  return changes;
}
