import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `notes` error, e.g. `NOTE.NOT_FOUND`. */
export const NOTE_SCOPE = 'NOTE';

/** No note has the requested id (`NOTE.NOT_FOUND`). */
export class NoteNotFoundError extends NotFoundError {
  /** @param id - the id that was looked up. */
  constructor(id: number) {
    super(NOTE_SCOPE, id);
  }
}

/** Another note already holds a value that must be unique (`NOTE.CONFLICT`). */
export class NoteConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(NOTE_SCOPE, `another note already has this ${field}`);
  }
}

/** The note is still referenced by rows of another module (`NOTE.CONFLICT`). */
export class NoteInUseError extends ConflictError {
  /** @param id - the id of the note that could not be removed. */
  constructor(id: number) {
    super(NOTE_SCOPE, `note ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`NOTE.INVALID`, answered as 422). */
export class NoteReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(NOTE_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
