// The bare-plop floor: one generator made only of plop's built-in `add` actions over static template
// files (no TypeScript, no planning, no patches). BENCH_FLOOR_TEMPLATES names a folder of templates,
// one `add` per file, written under <dest>/<name>/. bench/generation.ts fills that folder with the
// files of one real module (24 files), so the floor writes as many files as the real generator.
// Usage: BENCH_FLOOR_TEMPLATES=<dir> npx plop --plopfile bench/floor/plopfile.js --dest <tmp> floor <name>
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** @param {import('plop').NodePlopAPI} plop */
export default function plopfile(plop) {
  const templates = process.env.BENCH_FLOOR_TEMPLATES;
  if (!templates) throw new Error('BENCH_FLOOR_TEMPLATES is not set');
  const files = walk(templates).sort();
  plop.setGenerator('floor', {
    description: 'static files, built-in add actions only',
    prompts: [{ type: 'input', name: 'name', message: 'name' }],
    actions: files.map((file) => ({
      type: 'add',
      path: `{{name}}/${relative(templates, file).replace(/\.hbs$/, '')}`,
      templateFile: file,
      abortOnFail: true,
    })),
  });
}
