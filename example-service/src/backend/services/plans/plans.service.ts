import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type Page,
  type PageRequest,
  freeSlug,
  slugOf,
} from '../common/index.js';
import type { Plan, PlanInput, PlanPatch } from './plans.entity.js';
import { PlanNotFoundError } from './plans.errors.js';
import type { PlansRepository } from './plans.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

// scaffold:usecase-types
/** The use cases of `plans`, written against the repository port only. */
export interface PlansService {
  /**
   * Creates a plan.
   *
   * @param input - the validated fields; without `slug`, it is derived from `title`
   *   (`slugOf`) and made unique with a `-2`… suffix (`freeSlug`).
   * @returns the stored plan.
   * @throws `PlanConflictError` (409) when the `slug` given, or another unique value, is taken.
   */
  create(input: PlanInput): Promise<Plan>;
  /**
   * Reads one plan.
   *
   * @param id - its id.
   * @returns the plan.
   * @throws {@link PlanNotFoundError} when there is no plan with that id.
   */
  get(id: number): Promise<Plan>;
  /**
   * The id of the plan with this slug (the item routes' key).
   *
   * @param slug - the key's value.
   * @returns its id.
   * @throws {@link PlanNotFoundError} when no plan has it.
   */
  idOf(slug: string): Promise<number>;
  /**
   * One page of plans, ascending id.
   *
   * @param page - limit and offset.
   * @returns the page.
   */
  list(page: PageRequest): Promise<Page<Plan>>;
  /**
   * Changes the given fields of one plan.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated plan.
   * @throws {@link PlanNotFoundError} when there is no plan with that id.
   */
  update(id: number, patch: PlanPatch): Promise<Plan>;
  /**
   * Deletes one plan.
   *
   * @param id - its id.
   * @throws {@link PlanNotFoundError} when there is no plan with that id.
   */
  remove(id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface PlansServiceDeps {
  repo: PlansRepository;
  log: Logger;
}

/**
 * Creates the `plans` service. Every use case logs its input, result and errors with the
 * `[Plans:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createPlansService(deps: PlansServiceDeps): PlansService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Plans');
  const fn = (name: string): Logger => functionLogger(log, 'Plans', name);
  /** A free `slug` derived from a `title`: its slug, or with the first free `-<n>` suffix. */
  const slugFor = async (source: string): Promise<string> =>
    freeSlug(slugOf(source, 'plan'), async (candidate) => (await repo.findBySlug(candidate)) !== null);
  return {
    create: logged(fn('create'), async ({ slug, ...values }: PlanInput) =>
      repo.create({ ...values, slug: slug ?? (await slugFor(values.title)) })),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new PlanNotFoundError(id);
      return found;
    }),
    idOf: logged(fn('idOf'), async (slug: string) => {
      const found = await repo.findBySlug(slug);
      if (!found) throw new PlanNotFoundError(slug);
      return found.id;
    }),
    list: logged(fn('list'), async (page: PageRequest) => ({ ...page, items: await repo.list(page) })),
    update: logged(fn('update'), async (id: number, patch: PlanPatch) => {
      const updated = await repo.update(id, patch);
      if (!updated) throw new PlanNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new PlanNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
