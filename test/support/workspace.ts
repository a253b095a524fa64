import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The example service. */
export const EXAMPLE_SERVICE = join(REPO_ROOT, 'example-service');
/** Folders never copied or compared: installs, generated client, embedded database data. */
const SKIP = new Set(['node_modules', 'generated', '.data']);

/**
 * Writes the committed (git `HEAD`) state of a repository folder into `target`, so a fixture never
 * sees what a user generated into the working folder (issue 9). Returns false outside a git work
 * tree (e.g. an unpacked tarball); the caller then copies the working folder.
 *
 * @param folder - the folder relative to the repository root, or `.` for the whole repository.
 * @param target - an existing, empty folder; the archive's paths are written below it.
 * @returns whether the committed tree was written.
 * @throws when `git archive` or `tar` fails inside a work tree.
 */
function extractCommitted(folder: string, target: string): boolean {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return false;
  const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD', folder], { cwd: REPO_ROOT, maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive HEAD ${folder} failed: ${archive.stderr.toString()}`);
  const tar = spawnSync('tar', ['-x', '-C', target], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar -x failed: ${tar.stderr.toString()}`);
  return true;
}

/**
 * Copies the example service into a fresh folder under `<repo>/.tmp/` (inside the repository, so
 * Node resolves packages from the root `node_modules`). Without `source` the copy is the
 * **committed** service (git `HEAD`), never the working folder: modules a user generated, their
 * BACKEND-LOG.md and uncommitted edits do not leak into generator tests. Commit a template change
 * and the regenerated example before running the tests that copy it. Outside a git work tree the
 * working folder is copied.
 *
 * @param source - copy this folder instead (its working state).
 * @returns the absolute path of the copy (its folder is named `example-service`).
 */
export function copyService(source?: string): string {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const parent = mkdtempSync(join(REPO_ROOT, '.tmp', 'svc-'));
  const target = join(parent, 'example-service');
  if (source === undefined && extractCommitted('example-service', parent)) return target;
  cpSync(source ?? EXAMPLE_SERVICE, target, { recursive: true, filter: (src) => !SKIP.has(src.split('/').at(-1) ?? '') });
  return target;
}

/**
 * Makes a clean clone of the repository under `<repo>/.tmp/`: the committed tree (git `HEAD`) as
 * one commit of a fresh git repository, with `node_modules` (root and example-service) linked to
 * this checkout's installs instead of installed again. What a newcomer has after `git clone` and
 * `npm install`.
 *
 * @returns the absolute path of the clone's root.
 * @throws outside a git work tree, or when git fails.
 */
export function cloneRepository(): string {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const root = mkdtempSync(join(REPO_ROOT, '.tmp', 'clone-'));
  if (!extractCommitted('.', root)) throw new Error(`${REPO_ROOT} is not a git work tree: cannot clone it`);
  const git = (...args: string[]): void => {
    const out = spawnSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: root, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${out.stderr}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'clone');
  // `node_modules/` in .gitignore matches folders only, not these links.
  writeFileSync(join(root, '.git', 'info', 'exclude'), 'node_modules\n');
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  if (existsSync(join(EXAMPLE_SERVICE, 'node_modules'))) {
    symlinkSync(join(EXAMPLE_SERVICE, 'node_modules'), join(root, 'example-service', 'node_modules'), 'dir');
  }
  return root;
}

/**
 * Removes a copy made by {@link copyService}.
 *
 * @param dir - the copy's path.
 */
export function removeCopy(dir: string): void {
  rmSync(join(dir, '..'), { recursive: true, force: true });
}

/**
 * Removes a clone made by {@link cloneRepository} (its `node_modules` links, not their targets).
 *
 * @param root - the clone's root.
 */
export function removeClone(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * Reads every file of a tree (minus installs and generated output) for comparison.
 *
 * @param dir - the tree's root.
 * @returns relative path → content, sorted by path.
 */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (SKIP.has(name)) continue;
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[relative(dir, abs)] = readFileSync(abs, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/**
 * This process's environment as a newcomer's shell has it: without vitest's own variables
 * (`VITEST*`, `NODE_ENV=test`) and without `LOG_LEVEL`, for commands that run a suite or a server.
 *
 * @returns a copy of the environment.
 */
export function shellEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'LOG_LEVEL') delete env[key];
  return env;
}

/**
 * Runs a command with no standard input (as CI and agents do) and returns its outcome.
 *
 * @param command - executable, e.g. `npx`.
 * @param args - its arguments.
 * @param cwd - working folder (default: the repository root).
 * @param env - extra environment variables.
 * @param base - the environment they are added to (default: this process's).
 * @param timeout - milliseconds before the command is killed (default 5 min).
 * @returns status, stdout and stderr.
 */
export function run(command: string, args: string[], cwd = REPO_ROOT, env: Record<string, string> = {}, base: NodeJS.ProcessEnv = process.env, timeout = 300_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...base, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    timeout,
    maxBuffer: 1 << 28,
  });
}

/**
 * Path of a locally installed CLI (no `npx` start-up, no npm warnings in its output).
 *
 * @param name - the binary's name, e.g. `tsc`.
 * @returns its absolute path under the root `node_modules/.bin`.
 */
export function bin(name: string): string {
  return join(REPO_ROOT, 'node_modules', '.bin', name);
}
