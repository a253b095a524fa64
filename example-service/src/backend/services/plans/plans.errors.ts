import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `plans` error, e.g. `PLAN.NOT_FOUND`. */
export const PLAN_SCOPE = 'PLAN';

/** No plan has the requested id or slug (`PLAN.NOT_FOUND`). */
export class PlanNotFoundError extends NotFoundError {
  /** @param id - the id or slug that was looked up. */
  constructor(id: number | string) {
    super(PLAN_SCOPE, id);
  }
}

/** Another plan already holds a value that must be unique (`PLAN.CONFLICT`). */
export class PlanConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(PLAN_SCOPE, `another plan already has this ${field}`);
  }
}

/** The plan is still referenced by rows of another module (`PLAN.CONFLICT`). */
export class PlanInUseError extends ConflictError {
  /** @param id - the id of the plan that could not be removed. */
  constructor(id: number) {
    super(PLAN_SCOPE, `plan ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`PLAN.INVALID`, answered as 422). */
export class PlanReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(PLAN_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
