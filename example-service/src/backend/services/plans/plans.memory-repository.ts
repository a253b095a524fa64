import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Plan, PlanPatch, NewPlan } from './plans.entity.js';
import { PlanConflictError } from './plans.errors.js';
import type { PlansRepository } from './plans.repository.js';

/**
 * An in-memory adapter of the `plans` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process.
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryPlansRepository(rootLog: Logger): PlansRepository {
  const rows = new Map<number, Plan>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'PlansMemory');
  const fn = (name: string): Logger => functionLogger(log, 'PlansMemory', name);
  /** Refuses a row whose unique fields repeat another row's (as the table's unique indexes do; a null never repeats). */
  const assertUnique = (candidate: Plan): void => {
    const same = (row: Plan, keys: (keyof Plan)[]): boolean =>
      keys.every((key) => candidate[key] !== null && JSON.stringify(row[key]) === JSON.stringify(candidate[key]));
    for (const row of rows.values()) {
      if (row.id === candidate.id) continue;
      if (same(row, ['slug'])) throw new PlanConflictError('slug');
    }
  };
  return {
    create: logged(fn('create'), async (data: NewPlan) => {
      const now = new Date();
      const row: Plan = {
        id: nextId,
        title: data.title,
        slug: data.slug,
        price: data.price,
        description: data.description ?? null,
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
    findBySlug: logged(fn('findBySlug'), async (slug: string) => {
      const row = [...rows.values()].find((candidate) => candidate.slug === slug);
      return row ? { ...row } : null;
    }),
    list: logged(fn('list'), async (page: PageRequest) =>
      [...rows.values()].slice(page.offset, page.offset + page.limit).map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: PlanPatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Plan = { ...row, ...defined, updatedAt: new Date() };
      assertUnique(updated);
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
