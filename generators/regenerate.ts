// `npm run example:regenerate`: after a template change, rewrite every module of a service from
// its record in scaffold.json (destroy with force, then generate with the recorded migration name),
// so the example stays byte-identical to generator output. Usage: tsx generators/regenerate.ts [dir]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePrismaClient, planDestroy, runEndpoint } from './endpoint/index.js';
import { MANIFEST_FILE, parseManifest } from './manifest.js';
import { applyAll } from './transaction.js';

/**
 * Regenerates every recorded module of a service in place.
 *
 * @param serviceDir - absolute service root.
 * @returns the names of the regenerated modules, in order.
 * @throws when a registration line was edited by hand (the module must then be fixed by hand).
 */
export function regenerateService(serviceDir: string): string[] {
  const manifest = parseManifest(readFileSync(join(serviceDir, MANIFEST_FILE), 'utf8'));
  for (const module of [...manifest.modules].reverse()) {
    applyAll(serviceDir, planDestroy({ serviceDir, name: module.name, force: true }));
  }
  for (const module of manifest.modules) {
    runEndpoint({ serviceDir, name: module.name, fields: module.fields, migration: module.migration }, { generateClient: false });
  }
  generatePrismaClient(serviceDir);
  return manifest.modules.map((m) => m.name);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = resolve(process.argv[2] ?? fileURLToPath(new URL('../example-service', import.meta.url)));
  const names = regenerateService(target);
  process.stdout.write(`regenerated ${names.join(', ')} in ${target}\n`);
}
