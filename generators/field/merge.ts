import { diff3Merge } from 'node-diff3';
import { GeneratorInputError } from '../errors.js';
import type { RenderedFile } from '../render.js';
import { readIfExists, type Change } from '../transaction.js';

/**
 * Three-way merge of one generated file (line-based diff3, `node-diff3`): the change from the old
 * rendering (`base`) to the new one (`next`) is applied onto the file on disk (`current`). Hand
 * edits away from the regions the change touches survive; when the file changed inside or right
 * next to such a region, the merge is refused.
 *
 * @param path - the file, relative to the service root (for messages).
 * @param current - its content on disk.
 * @param base - what the generator wrote (rendered from the old record).
 * @param next - what the generator writes now (rendered from the new record).
 * @returns the merged content.
 * @throws {GeneratorInputError} naming the file and the lines of the first conflict.
 */
export function mergeGenerated(path: string, current: string, base: string, next: string): string {
  if (current === base) return next;
  if (base === next) return current;
  const regions = diff3Merge(current.split('\n'), base.split('\n'), next.split('\n'), { excludeFalseConflicts: true });
  const out: string[] = [];
  for (const region of regions) {
    if (region.conflict) {
      const { aIndex, a } = region.conflict;
      throw new GeneratorInputError(
        `${path} was edited by hand where the field change must go (lines ${aIndex + 1}-${aIndex + Math.max(a.length, 1)}): ` +
          'move the hand edit away from the generated lines or apply the change by hand; nothing was written.',
      );
    }
    out.push(...(region.ok ?? []));
  }
  return out.join('\n');
}

/**
 * The changes that move a module's files from one rendering to another, merged onto the files on
 * disk ({@link mergeGenerated}); files only in the new rendering are created, files only in the old
 * one deleted (when unchanged since generation).
 *
 * @param serviceDir - absolute service root.
 * @param before - the module rendered from its old record.
 * @param after - the module rendered from its new record.
 * @returns the changes, in path order.
 * @throws {GeneratorInputError} when a file is missing, already exists, or conflicts.
 */
export function mergeModuleFiles(serviceDir: string, before: RenderedFile[], after: RenderedFile[]): Change[] {
  const old = new Map(before.map((f) => [f.path, f.content]));
  const changes: Change[] = [];
  for (const file of after) {
    const base = old.get(file.path);
    const current = readIfExists(serviceDir, file.path);
    if (base === undefined) {
      if (current !== undefined) throw new GeneratorInputError(`Refusing to overwrite ${file.path}: it already exists.`);
      changes.push({ kind: 'create', path: file.path, content: file.content });
      continue;
    }
    if (base === file.content) continue;
    if (current === undefined) throw new GeneratorInputError(`${file.path} is missing: restore it (or destroy and regenerate the module).`);
    const content = mergeGenerated(file.path, current, base, file.content);
    if (content !== current) changes.push({ kind: 'modify', path: file.path, before: current, content });
  }
  const kept = new Set(after.map((f) => f.path));
  for (const [path, base] of old) {
    if (kept.has(path)) continue;
    const current = readIfExists(serviceDir, path);
    if (current === undefined) continue;
    if (current !== base) throw new GeneratorInputError(`${path} was edited since generation and the field change removes it: remove it by hand.`);
    changes.push({ kind: 'delete', path, before: current });
  }
  return changes;
}
