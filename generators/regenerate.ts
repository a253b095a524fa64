// `npm run example:regenerate`: after a template change, rewrite every module of a service from
// its record in scaffold.json (destroy with force, then generate again in the recorded order with
// the recorded migration names; see `replay`), so the example stays byte-identical to generator output. Hand-written regions (a use case's
// rule, its tests; see regions.ts) keep their code. The work happens on a scratch copy and is
// synced back only when it all succeeded. Usage: tsx generators/regenerate.ts [serviceDir]
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { destructionOrder } from './endpoint/destroy.js';
import { generatePrismaClient, planDestroy, runEndpoint } from './endpoint/index.js';
import { planField } from './field/plan.js';
import { parseFields } from './fields.js';
import { MANIFEST_FILE, parseManifest, type Manifest } from './manifest.js';
import { keepHandWritten } from './regions.js';
import { planAuth } from './auth/plan.js';
import { planAuthDestroy } from './auth/undo.js';
import { applyAll, readIfExists, type Change } from './transaction.js';

const SKIP = new Set(['node_modules', 'generated', '.data']);

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (SKIP.has(name)) continue;
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.set(relative(dir, abs), readFileSync(abs, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** One generator run of a service's history: a module's creation, or one of its field steps. */
export type Step = (serviceDir: string) => void;

/**
 * A service's recorded modules as generator runs. Each module is created at its place in the
 * manifest with its current fields and history, as `endpoint` rendered it — unless a field step
 * gave it a ref or refs to a module recorded after it: that one is created with the fields it was
 * created with, and its field steps are replayed at the end, in the order of their migrations and
 * under their own names, once every module exists.
 *
 * @param manifest - the service's `scaffold.json`.
 * @returns the runs, in order.
 */
export function replay(manifest: Manifest): Step[] {
  const recorded = new Set(manifest.modules.map((m) => m.name));
  const created = new Set<string>();
  const steps: Step[] = [];
  const deferred: { migration: string; step: Step }[] = [];
  for (const module of manifest.modules) {
    const ahead = parseFields(module.fields).some((f) => {
      const target = (f.ref ?? f.links)?.target.name;
      return target !== undefined && recorded.has(target) && !created.has(target);
    });
    created.add(module.name);
    if (!ahead) {
      steps.push((serviceDir) => runEndpoint({ ...module, serviceDir }, { generateClient: false }));
      continue;
    }
    const { history, createdWith, ...record } = module;
    steps.push((serviceDir) => runEndpoint({ ...record, fields: createdWith ?? module.fields, serviceDir }, { generateClient: false }));
    for (const step of history ?? []) {
      const change = step.add !== undefined ? { add: step.add } : { remove: (step.remove ?? '').split(':')[0] ?? '' };
      deferred.push({ migration: step.migration, step: (serviceDir) => applyAll(serviceDir, planField({ serviceDir, module: module.name, migration: step.migration, ...change }).changes) });
    }
  }
  return [...steps, ...deferred.sort((a, b) => a.migration.localeCompare(b.migration)).map((d) => d.step)];
}

/**
 * Regenerates every recorded module of a service in place, all or nothing.
 *
 * @param serviceDir - absolute service root.
 * @returns the paths that changed, relative to the service root.
 * @throws when a registration line was edited by hand or a template fails; the service is untouched.
 */
export function regenerateService(serviceDir: string): string[] {
  const scratch = join(mkdtempSync(join(tmpdir(), 'regen-')), 'service');
  try {
    cpSync(serviceDir, scratch, { recursive: true, filter: (src) => !SKIP.has(src.split('/').at(-1) ?? '') });
    const manifest = parseManifest(readFileSync(join(scratch, MANIFEST_FILE), 'utf8'));
    for (const module of destructionOrder(manifest.modules)) {
      applyAll(scratch, planDestroy({ serviceDir: scratch, name: module.name, force: true }));
    }
    // Auth (users, auth) goes last and comes back first: owner fields reference its users.
    if (manifest.auth) {
      applyAll(scratch, planAuthDestroy({ serviceDir: scratch, force: true }));
      applyAll(scratch, planAuth({ serviceDir: scratch, migration: manifest.auth.migration }).changes);
    }
    for (const step of replay(manifest)) step(scratch);
    const before = tree(serviceDir);
    const after = tree(scratch);
    const changes: Change[] = [];
    for (const [path, rendered] of after) {
      const old = readIfExists(serviceDir, path);
      const content = keepHandWritten(rendered, old);
      if (old === undefined) changes.push({ kind: 'create', path, content });
      else if (old !== content) changes.push({ kind: 'modify', path, before: old, content });
    }
    for (const [path, old] of before) if (!after.has(path)) changes.push({ kind: 'delete', path, before: old });
    applyAll(serviceDir, changes);
    generatePrismaClient(serviceDir);
    return changes.map((c) => c.path);
  } finally {
    rmSync(join(scratch, '..'), { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = resolve(process.argv[2] ?? fileURLToPath(new URL('../example-service', import.meta.url)));
  const changed = regenerateService(target);
  process.stdout.write(`regenerated ${target}: ${changed.length} file(s) changed\n${changed.join('\n')}\n`);
}
