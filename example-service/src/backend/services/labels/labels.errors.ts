import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `labels` error, e.g. `LABEL.NOT_FOUND`. */
export const LABEL_SCOPE = 'LABEL';

/** No label has the requested id (`LABEL.NOT_FOUND`). */
export class LabelNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(LABEL_SCOPE, id);
  }
}

/** Another label already holds a value that must be unique (`LABEL.CONFLICT`). */
export class LabelConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(LABEL_SCOPE, `another label already has this ${field}`);
  }
}

/** The label is still referenced by rows of another module (`LABEL.CONFLICT`). */
export class LabelInUseError extends ConflictError {
  /** @param id - the id of the label that could not be removed. */
  constructor(id: number) {
    super(LABEL_SCOPE, `label ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`LABEL.INVALID`, answered as 422). */
export class LabelReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(LABEL_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
