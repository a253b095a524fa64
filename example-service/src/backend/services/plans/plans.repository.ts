import type { PageRequest } from '../common/index.js';
import type { Plan, PlanPatch, NewPlan } from './plans.entity.js';

/**
 * The repository port of `plans`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/plans`) and the in-memory one beside this file.
 */
export interface PlansRepository {
  /**
   * Stores a new plan.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewPlan): Promise<Plan>;
  /**
   * Reads one plan.
   *
   * @param id - its id.
   * @returns the plan, or `null` when there is none.
   */
  findById(id: number): Promise<Plan | null>;
  /**
   * Reads one plan by its route key.
   *
   * @param slug - the key's value.
   * @returns the plan, or `null` when none has it.
   */
  findBySlug(slug: string): Promise<Plan | null>;
  /**
   * Reads one page of plans in ascending id order.
   *
   * @param page - limit and offset.
   * @returns the rows of the page.
   */
  list(page: PageRequest): Promise<Plan[]>;
  /**
   * Applies a patch.
   *
   * @param id - the plan's id.
   * @param patch - the fields to change.
   * @returns the updated plan, or `null` when there is none.
   */
  update(id: number, patch: PlanPatch): Promise<Plan | null>;
  /**
   * Deletes one plan.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
