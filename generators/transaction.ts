import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One change to the file system, fully computed before anything is written. */
export type Change =
  | { kind: 'create'; path: string; content: string }
  | { kind: 'modify'; path: string; before: string; content: string }
  | { kind: 'delete'; path: string; before: string };

/** Test hook: make the Nth write (1-based) fail, to prove rollback. */
export interface ApplyOptions {
  failAtWrite?: number;
}

function removeEmptyParents(root: string, dir: string): void {
  for (let d = dir; d.startsWith(root) && d !== root && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
}

/**
 * The changes that undo `changes` (created files deleted, modified files restored), in reverse order.
 *
 * @param changes - changes that were applied.
 * @returns their inverse.
 */
export function invert(changes: Change[]): Change[] {
  return [...changes].reverse().map((c): Change => {
    if (c.kind === 'create') return { kind: 'delete', path: c.path, before: c.content };
    if (c.kind === 'modify') return { kind: 'modify', path: c.path, before: c.content, content: c.before };
    return { kind: 'create', path: c.path, content: c.before };
  });
}

function writeAtomic(path: string, content: string): void {
  const tmp = `${path}.scaffold-tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/**
 * Applies every change or none: files are written to a temporary name then renamed; when any
 * write fails, created files and folders are removed and modified or deleted files restored.
 *
 * @param root - absolute folder the change paths are relative to.
 * @param changes - the changes, in order.
 * @param options - test hooks.
 * @returns the paths changed, relative to `root`.
 * @throws the first write error, after rolling back every change already made.
 */
export function applyAll(root: string, changes: Change[], options: ApplyOptions = {}): string[] {
  const done: Change[] = [];
  const createdDirs: string[] = [];
  let writes = 0;
  try {
    for (const change of changes) {
      const abs = join(root, change.path);
      writes += 1;
      if (options.failAtWrite === writes) throw new Error(`Injected failure at write ${writes} (${change.path})`);
      if (change.kind === 'delete') {
        rmSync(abs);
        removeEmptyParents(root, dirname(abs));
      } else {
        for (let dir = dirname(abs), missing: string[] = []; ; dir = dirname(dir)) {
          if (existsSync(dir)) {
            for (const d of missing.reverse()) {
              mkdirSync(d);
              createdDirs.push(d);
            }
            break;
          }
          missing.push(dir);
        }
        writeAtomic(abs, change.content);
      }
      done.push(change);
    }
  } catch (err) {
    for (const change of done.reverse()) {
      const abs = join(root, change.path);
      if (change.kind === 'create') rmSync(abs, { force: true });
      else writeAtomic(abs, change.before);
    }
    for (const dir of createdDirs.reverse()) rmdirSync(dir);
    throw err;
  }
  return changes.map((c) => c.path);
}

/**
 * Reads a file relative to a root, or `undefined` when it does not exist.
 *
 * @param root - absolute base folder.
 * @param path - relative path.
 * @returns the file's text or `undefined`.
 */
export function readIfExists(root: string, path: string): string | undefined {
  const abs = join(root, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
}
