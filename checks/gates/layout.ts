import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { rel, runProcess, type CheckError, type GateContext, type GateResult } from '../report.js';

/** Folders never walked: installs, generated code, databases, scratch copies. */
const SKIP = new Set(['node_modules', '.git', 'generated', '.data', '.tmp', 'dist', 'coverage']);

/**
 * Lists every file under a folder, minus {@link SKIP}.
 *
 * @param dir - the folder.
 * @returns absolute paths.
 */
export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...walkFiles(abs));
    else out.push(abs);
  }
  return out;
}

/**
 * R10: `.http` request files live under `__http__/`.
 *
 * @param ctx - the gate context.
 * @returns one error per misplaced `.http` file.
 */
function httpFilesPlaced(ctx: GateContext): CheckError[] {
  return walkFiles(ctx.target)
    .filter((f) => f.endsWith('.http') && basename(join(f, '..')) !== '__http__' && !f.includes('/test/rules/fixtures/'))
    .map((f) => ({ rule: 'R10', file: rel(ctx, f), line: 0, message: 'a .http request file outside __http__/: move it to the service\'s __http__/ folder' }));
}

/**
 * R18: every Prisma datasource of the service is PostgreSQL.
 *
 * @param ctx - the gate context.
 * @returns one error per datasource with another provider.
 */
function postgresOnly(ctx: GateContext): CheckError[] {
  const errors: CheckError[] = [];
  for (const file of walkFiles(ctx.service).filter((f) => f.endsWith('.prisma'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"([^"]+)"/g)) {
      if (m[1] !== 'postgresql') {
        const line = text.slice(0, m.index).split('\n').length;
        errors.push({ rule: 'R18', file: rel(ctx, file), line, message: `datasource provider "${m[1]}": the database is PostgreSQL (provider = "postgresql")` });
      }
    }
  }
  return errors;
}

/** Files a feature must not change (R9): environment, compose files, the config schema. */
const PROTECTED = [/(^|\/)\.env[^/]*$/, /(^|\/)(docker-)?compose[^/]*\.ya?ml$/, /(^|\/)src\/config\.ts$/];

/** What git says about the service: changed files, and whether a generator run is among them. */
export interface WorkTreeChanges {
  /** Changed and untracked files, relative to the git root. */
  changed: string[];
  /** The service's folder relative to the git root ('' when it is the root). */
  prefix: string;
  gitRoot: string;
}

/**
 * Reads the work tree's changes against HEAD for a folder (read-only git commands).
 *
 * @param dir - a folder inside a git work tree.
 * @returns the changes, or `undefined` when the folder is not tracked by git.
 */
export async function workTreeChanges(dir: string): Promise<WorkTreeChanges | undefined> {
  const top = await runProcess('git', ['rev-parse', '--show-toplevel'], dir);
  if (top.code !== 0) return undefined;
  const gitRoot = top.stdout.trim();
  const prefix = relative(gitRoot, dir).split('\\').join('/');
  const tracked = await runProcess('git', ['ls-files', '--', prefix || '.'], gitRoot);
  if (tracked.code !== 0 || tracked.stdout.trim() === '') return undefined;
  const diff = await runProcess('git', ['diff', '--name-only', 'HEAD', '--', prefix || '.'], gitRoot);
  const untracked = await runProcess('git', ['ls-files', '--others', '--exclude-standard', '--', prefix || '.'], gitRoot);
  const changed = [...diff.stdout.split('\n'), ...untracked.stdout.split('\n')].map((s) => s.trim()).filter(Boolean);
  return { changed: [...new Set(changed)].sort(), prefix, gitRoot };
}

/**
 * R9: when the work tree holds a generator run (the service's `scaffold.json` changed against
 * HEAD), no environment file, compose file, config schema or package script changed with it.
 *
 * @param ctx - the gate context.
 * @param changes - the work tree's changes, from {@link workTreeChanges}.
 * @returns one error per protected file the run changed.
 */
async function noSideEffects(ctx: GateContext, changes: WorkTreeChanges): Promise<CheckError[]> {
  const inService = (p: string): string | undefined => (changes.prefix === '' ? p : p.startsWith(`${changes.prefix}/`) ? p.slice(changes.prefix.length + 1) : undefined);
  const local = changes.changed.map(inService).filter((p): p is string => p !== undefined);
  if (!local.includes('scaffold.json')) return [];
  const abs = (p: string): string => join(changes.gitRoot, changes.prefix, p);
  const errors: CheckError[] = local
    .filter((p) => PROTECTED.some((re) => re.test(p)))
    .map((p) => ({ rule: 'R9', file: rel(ctx, abs(p)), line: 0, message: 'a generator run changed a protected file (ports, env vars, compose, config schema): revert it or make it its own change' }));
  if (local.includes('package.json')) {
    const before = await runProcess('git', ['show', `HEAD:${changes.prefix ? `${changes.prefix}/` : ''}package.json`], changes.gitRoot);
    const scripts = (text: string): string => JSON.stringify((JSON.parse(text) as { scripts?: unknown }).scripts ?? {});
    if (before.code === 0 && scripts(before.stdout) !== scripts(readFileSync(abs('package.json'), 'utf8'))) {
      errors.push({ rule: 'R9', file: rel(ctx, abs('package.json')), line: 0, message: 'a generator run changed the package scripts (dev-server settings): revert it' });
    }
  }
  return errors;
}

/**
 * The layout gate: the rules about files rather than code — R10 (`.http` placement), R18
 * (PostgreSQL) and R9 (a generator run leaves ports, env, compose and config alone).
 *
 * @param ctx - the gate context.
 * @param changes - the work tree's changes against HEAD, when the target is in a git work tree.
 * @returns the problems found.
 */
export async function layoutGate(ctx: GateContext, changes: WorkTreeChanges | undefined): Promise<GateResult> {
  const errors = [...httpFilesPlaced(ctx), ...postgresOnly(ctx)];
  if (changes && existsSync(join(ctx.service, 'scaffold.json'))) errors.push(...(await noSideEffects(ctx, changes)));
  return { gate: 'layout', errors };
}
