import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readIfExists, type Change } from '../transaction.js';

/** Folders never copied: installs, the generated client, databases, build output, git. */
const SKIP = new Set(['node_modules', 'generated', '.data', 'dist', 'coverage', '.git']);

const git = (cwd: string, args: string[], input?: Buffer) =>
  spawnSync('git', ['-c', 'user.name=scaffold-batch', '-c', 'user.email=batch@scaffold.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, input, maxBuffer: 1 << 30, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });

function files(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? files(abs, root) : [relative(root, abs)];
  });
}

/** A scratch copy of a service the steps of a batch are planned and applied in, one after another. */
export interface Scratch {
  /** Absolute path of the copy. */
  dir: string;
  /** Removes the copy. */
  remove(): void;
}

/**
 * Copies a service (its working state) into a scratch folder under the OS temp folder. When the
 * service is in a git work tree, the copy is a git repository whose `HEAD` holds the service's
 * committed files, so planners that ask git what is committed (destroy keeps a committed
 * migration and adds a drop-table one) answer in the copy as they would in the service.
 *
 * @param serviceDir - absolute service root.
 * @returns the copy.
 * @throws when copying fails, or git fails inside a work tree.
 */
export function makeScratch(serviceDir: string): Scratch {
  const parent = mkdtempSync(join(tmpdir(), 'batch-'));
  const dir = join(parent, 'service');
  const remove = (): void => rmSync(parent, { recursive: true, force: true });
  const copy = (): void => cpSync(serviceDir, dir, { recursive: true, filter: (src) => !SKIP.has(src.split('/').at(-1) ?? '') });
  try {
    // `git archive` run in a subfolder archives that subfolder of the tree it is given: run it at the top.
    const top = git(serviceDir, ['rev-parse', '--show-toplevel', '--show-prefix']).stdout.toString().split('\n');
    const head = top[0] ? git(top[0], ['archive', '--format=tar', `HEAD:${top[1] ?? ''}`]) : { status: 1, stdout: Buffer.alloc(0) };
    if (head.status !== 0) {
      copy();
      return { dir, remove };
    }
    // HEAD's tree first, committed; then the working state over it, left uncommitted.
    mkdirSync(dir);
    const tar = spawnSync('tar', ['-x', '-C', dir], { input: head.stdout });
    if (tar.status !== 0) throw new Error(`tar -x failed: ${tar.stderr.toString()}`);
    for (const args of [['init', '-q'], ['add', '-A', '-f'], ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'HEAD of the service']]) {
      const out = git(dir, args);
      if (out.status !== 0) throw new Error(`git ${args.join(' ')} in the scratch copy failed: ${out.stderr.toString()}`);
    }
    const working = new Set(files(serviceDir));
    for (const path of files(dir)) if (!working.has(path)) rmSync(join(dir, path));
    copy();
    return { dir, remove };
  } catch (err) {
    remove();
    throw err;
  }
}

/**
 * The changes that turn the service into the scratch copy, for the given paths only (the files
 * the steps touched): created, modified or deleted, with the service's content as `before`.
 *
 * @param serviceDir - absolute service root.
 * @param scratchDir - the copy the steps were applied in.
 * @param paths - paths relative to both roots, in the order they were first touched.
 * @returns the changes (none for a path that ends as it started).
 */
export function diffPaths(serviceDir: string, scratchDir: string, paths: Iterable<string>): Change[] {
  const changes: Change[] = [];
  for (const path of new Set(paths)) {
    const before = readIfExists(serviceDir, path);
    const after = readIfExists(scratchDir, path);
    if (before === after) continue;
    if (before === undefined) changes.push({ kind: 'create', path, content: after as string });
    else if (after === undefined) changes.push({ kind: 'delete', path, before });
    else changes.push({ kind: 'modify', path, before, content: after });
  }
  return changes;
}
