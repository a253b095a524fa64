import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Label, LabelPatch, NewLabel } from './labels.entity.js';
import { LabelConflictError } from './labels.errors.js';
import type { LabelsRepository } from './labels.repository.js';

/**
 * An in-memory adapter of the `labels` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process.
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryLabelsRepository(rootLog: Logger): LabelsRepository {
  const rows = new Map<number, Label>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'LabelsMemory');
  const fn = (name: string): Logger => functionLogger(log, 'LabelsMemory', name);
  /** Refuses a row whose unique fields repeat another row's (as the table's unique indexes do; a null never repeats). */
  const assertUnique = (candidate: Label): void => {
    const same = (row: Label, keys: (keyof Label)[]): boolean =>
      keys.every((key) => candidate[key] !== null && JSON.stringify(row[key]) === JSON.stringify(candidate[key]));
    for (const row of rows.values()) {
      if (row.id === candidate.id) continue;
      if (same(row, ['name'])) throw new LabelConflictError('name');
    }
  };
  return {
    create: logged(fn('create'), async (data: NewLabel) => {
      const now = new Date();
      const row: Label = {
        id: nextId,
        name: data.name,
        color: data.color ?? null,
        createdAt: now,
        updatedAt: now,
      };
      assertUnique(row);
      nextId += 1;
      rows.set(row.id, row);
      return { ...row };
    }),
    findById: logged(fn('findById'), async (id: number) => {
      const row = rows.get(id);
      return row ? { ...row } : null;
    }),
    list: logged(fn('list'), async (page: PageRequest) =>
      [...rows.values()].slice(page.offset, page.offset + page.limit).map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: LabelPatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Label = { ...row, ...defined, updatedAt: new Date() };
      assertUnique(updated);
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
