import type { Change } from '../../generators/transaction.js';

/**
 * The new content of one planned change, found by its path or a path suffix (e.g.
 * `posts.schemas.ts`), for tests that read a plan without applying it.
 *
 * @param changes - a plan's changes.
 * @param path - the path, or how it ends.
 * @returns the content the change writes.
 * @throws {Error} when no change writes that path (or the change deletes it).
 */
export function contentOf(changes: Change[], path: string): string {
  const change = changes.find((c) => c.path === path || c.path.endsWith(path));
  if (!change || change.kind === 'delete') throw new Error(`no change to ${path}`);
  return change.content;
}
