import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GeneratorInputError } from '../errors.js';

const git = (cwd: string, args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Checks, before anything is planned or written, that a batch can be committed with `--commit`:
 * the service is in a git work tree, git knows who commits, and nothing is staged already (the
 * commit then holds the batch's files and nothing else).
 *
 * @param serviceDir - absolute service root.
 * @throws {GeneratorInputError} naming what is missing.
 */
export function assertCommittable(serviceDir: string): void {
  const inside = git(serviceDir, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') {
    throw new GeneratorInputError(`--commit needs a git work tree, and ${serviceDir} is not in one: run without --commit, or git init first.`);
  }
  if (git(serviceDir, ['var', 'GIT_COMMITTER_IDENT']).status !== 0) {
    throw new GeneratorInputError('--commit: git does not know who commits: set user.name and user.email (git config), then run again.');
  }
  const staged = git(serviceDir, ['diff', '--cached', '--name-only']);
  if (staged.status !== 0 || staged.stdout.trim() !== '') {
    throw new GeneratorInputError(`--commit commits the batch's files and nothing else, but files are already staged (${staged.stdout.trim().split('\n').join(', ')}): commit them or unstage them (git restore --staged <file>) first.`);
  }
}

/**
 * Refuses to commit a batch whose files already hold uncommitted changes (they would go into the
 * batch's commit): checked after planning, before writing.
 *
 * @param serviceDir - absolute service root.
 * @param paths - the batch's files, relative to the service.
 * @throws {GeneratorInputError} naming the files.
 */
export function assertUnchanged(serviceDir: string, paths: string[]): void {
  const status = git(serviceDir, ['status', '--porcelain', '--untracked-files=all', '--', ...paths]);
  const dirty = status.stdout.split('\n').filter(Boolean).map((l) => l.slice(3));
  if (dirty.length > 0) {
    throw new GeneratorInputError(`--commit: the batch changes files that already have uncommitted changes (${dirty.join(', ')}), which would go into its commit: commit or stash them first, or run without --commit.`);
  }
}

/**
 * The commit message of a batch (rule R15): `feat(<service>): batch <name>`, a blank line, then
 * one line per task.
 *
 * @param serviceDir - absolute service root (its package.json name, else its folder name).
 * @param batch - the batch's name.
 * @param tasks - one line per task.
 * @returns the message.
 */
export function commitMessage(serviceDir: string, batch: string, tasks: string[]): string {
  const pkg = join(serviceDir, 'package.json');
  const name = existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name : undefined;
  return `feat(${name ?? basename(serviceDir)}): batch ${batch}\n\n${tasks.map((t) => `- ${t}`).join('\n')}\n`;
}

/**
 * Stages exactly the batch's files and commits them once.
 *
 * @param serviceDir - absolute service root.
 * @param paths - the batch's files (created, modified, deleted), relative to the service.
 * @param message - the commit message.
 * @returns the new commit's id.
 * @throws {Error} when staging or committing fails; the batch's files are unstaged again.
 */
export function commitBatch(serviceDir: string, paths: string[], message: string): string {
  const add = git(serviceDir, ['add', '-A', '--', ...paths]);
  const commit = add.status === 0 ? spawnSync('git', ['commit', '-q', '-F', '-'], { cwd: serviceDir, input: message, encoding: 'utf8' }) : add;
  if (commit.status !== 0) {
    git(serviceDir, ['reset', '-q', '--', ...paths]);
    throw new Error(`git could not commit the batch: ${(commit.stderr || commit.stdout).trim()}`);
  }
  return git(serviceDir, ['rev-parse', 'HEAD']).stdout.trim();
}
