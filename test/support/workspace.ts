import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The example service. */
export const EXAMPLE_SERVICE = join(REPO_ROOT, 'example-service');
/** Folders never copied or compared: installs, generated client, embedded database data. */
const SKIP = new Set(['node_modules', 'generated', '.data']);

/**
 * Copies the example service into a fresh folder under `<repo>/.tmp/` (inside the repository, so
 * Node resolves packages from the root `node_modules`).
 *
 * @returns the absolute path of the copy (its folder is named `example-service`).
 */
export function copyService(source = EXAMPLE_SERVICE): string {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const parent = mkdtempSync(join(REPO_ROOT, '.tmp', 'svc-'));
  const target = join(parent, 'example-service');
  cpSync(source, target, { recursive: true, filter: (src) => !SKIP.has(src.split('/').at(-1) ?? '') });
  return target;
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
 * Runs a command with no standard input (as CI and agents do) and returns its outcome.
 *
 * @param command - executable, e.g. `npx`.
 * @param args - its arguments.
 * @param cwd - working folder (default: the repository root).
 * @param env - extra environment variables.
 * @returns status, stdout and stderr.
 */
export function run(command: string, args: string[], cwd = REPO_ROOT, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    timeout: 300_000,
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
