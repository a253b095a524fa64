// `npm run example:regenerate`: after a template change, rewrite every module of a service from
// its record in scaffold.json (destroy with force, then generate with the recorded migration name),
// so the example stays byte-identical to generator output. Hand-written regions (a use case's
// rule, its tests; see regions.ts) keep their code. The work happens on a scratch copy and is
// synced back only when it all succeeded. Usage: tsx generators/regenerate.ts [serviceDir]
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePrismaClient, planDestroy, runEndpoint } from './endpoint/index.js';
import { MANIFEST_FILE, parseManifest } from './manifest.js';
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
    for (const module of [...manifest.modules].reverse()) {
      applyAll(scratch, planDestroy({ serviceDir: scratch, name: module.name, force: true }));
    }
    // Auth (users, auth) goes last and comes back first: owner fields reference its users.
    if (manifest.auth) {
      applyAll(scratch, planAuthDestroy({ serviceDir: scratch, force: true }));
      applyAll(scratch, planAuth({ serviceDir: scratch, migration: manifest.auth.migration }).changes);
    }
    for (const module of manifest.modules) {
      runEndpoint({ ...module, serviceDir: scratch }, { generateClient: false });
    }
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
