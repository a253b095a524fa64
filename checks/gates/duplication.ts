import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { TOOLING_ROOT, rel, runProcess, toolBin, type CheckError, type GateContext, type GateResult } from '../report.js';

interface JscpdClone {
  lines: number;
  firstFile: { name: string; start: number; end: number };
  secondFile: { name: string; start: number; end: number };
}
interface JscpdJson {
  duplicates?: JscpdClone[];
}

/**
 * The module folders a generator wrote (listed in the service's `scaffold.json`): clones between
 * two of them are the same template, written once, so they are not duplicated logic.
 *
 * @param service - the service folder.
 * @returns absolute module folder paths.
 */
function generatedFolders(service: string): string[] {
  const manifest = join(service, 'scaffold.json');
  if (!existsSync(manifest)) return [];
  const modules = (JSON.parse(readFileSync(manifest, 'utf8')) as { modules?: Array<{ name: string }> }).modules ?? [];
  return modules.flatMap((m) => ['services', 'api', 'db'].map((layer) => join(service, 'src/backend', layer, m.name)));
}

/** A line of a barrel: a re-export (`export * from './x/index.js';`), blank, or a comment. */
const BARREL_LINE = /^\s*(export (\*|type \*|\{[^}]*\}|type \{[^}]*\}) from '[^']+';|\/\/.*|\/?\*.*)?\s*$/;

/**
 * Whether lines `start`–`end` (1-based, inclusive) of a file are only re-exports: the module
 * lists of the layer barrels (`services/index.ts`, `db/index.ts`, `api/index.ts`) grow alike with
 * every module, which is registration, not logic written twice.
 *
 * @param file - the file's path.
 * @param start - first line.
 * @param end - last line.
 * @returns `true` when every line in the range matches {@link BARREL_LINE}.
 */
function onlyReExports(file: string, start: number, end: number): boolean {
  if (!existsSync(file)) return false;
  return readFileSync(file, 'utf8').split('\n').slice(start - 1, end).every((line) => BARREL_LINE.test(line));
}

/**
 * The duplication gate (R7, jscpd with the root `.jscpd.json`): any clone with a hand-written
 * side is an error, unless both sides are only re-exports (see {@link onlyReExports}). Clones
 * between two generated modules are one template written once: neither reported nor counted,
 * since their share grows with every module a service adds (a threshold on the total share,
 * counted with them, capped how many modules a service could have).
 *
 * @param ctx - the gate context.
 * @returns one error per clone with a hand-written side (at its second occurrence).
 */
export async function duplicationGate(ctx: GateContext): Promise<GateResult> {
  const configFile = join(TOOLING_ROOT, '.jscpd.json');
  const out = mkdtempSync(join(tmpdir(), 'scaffold-jscpd-'));
  try {
    // The repository: its top-level source folders (never node_modules or the .tmp/ copies).
    const scanned = ctx.repo
      ? readdirSync(ctx.target).filter((n) => !n.startsWith('.') && n !== 'node_modules' && statSync(join(ctx.target, n)).isDirectory())
      : ['src'];
    await runProcess(toolBin('jscpd'), ['--config', configFile, '--reporters', 'json', '--output', out, ...scanned], ctx.target);
    const reportFile = join(out, 'jscpd-report.json');
    if (!existsSync(reportFile)) return { gate: 'duplication', errors: [{ rule: 'R7', file: '', line: 0, message: 'jscpd wrote no report' }] };
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JscpdJson;
    const generated = generatedFolders(ctx.service);
    const isGenerated = (file: string): boolean => generated.some((dir) => !relative(dir, resolve(ctx.target, file)).startsWith('..'));
    const errors: CheckError[] = [];
    for (const c of report.duplicates ?? []) {
      if (isGenerated(c.firstFile.name) && isGenerated(c.secondFile.name)) continue;
      const at = (f: JscpdClone['firstFile']): boolean => onlyReExports(resolve(ctx.target, f.name), f.start, f.end);
      if (at(c.firstFile) && at(c.secondFile)) continue;
      errors.push({
        rule: 'R7',
        file: rel(ctx, resolve(ctx.target, c.secondFile.name)),
        line: c.secondFile.start,
        message: `${c.lines} lines duplicate ${rel(ctx, resolve(ctx.target, c.firstFile.name))}:${c.firstFile.start}-${c.firstFile.end}: reuse one of them`,
      });
    }
    return { gate: 'duplication', errors };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
