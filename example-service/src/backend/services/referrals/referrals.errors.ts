import { ConflictError, DomainError, NotFoundError } from '../common/index.js';

/** Code scope of every `referrals` error, e.g. `REFERRAL.NOT_FOUND`. */
export const REFERRAL_SCOPE = 'REFERRAL';

/** No referral has the requested id or code (`REFERRAL.NOT_FOUND`). */
export class ReferralNotFoundError extends NotFoundError {
  /** @param id - the id or code that was looked up. */
  constructor(id: number | string) {
    super(REFERRAL_SCOPE, id);
  }
}

/** Another referral already holds a value that must be unique (`REFERRAL.CONFLICT`). */
export class ReferralConflictError extends ConflictError {
  /** @param field - the unique field, or the rule, that the change would break. */
  constructor(field: string) {
    super(REFERRAL_SCOPE, `another referral already has this ${field}`);
  }
}

/** The referral is still referenced by rows of another module (`REFERRAL.CONFLICT`). */
export class ReferralInUseError extends ConflictError {
  /** @param id - the id of the referral that could not be removed. */
  constructor(id: number) {
    super(REFERRAL_SCOPE, `referral ${id} is still referenced by other rows`);
  }
}

/** A referenced row does not exist (`REFERRAL.INVALID`, answered as 422). */
export class ReferralReferenceError extends DomainError {
  /** @param field - the reference field whose row is missing, e.g. `customerId`. */
  constructor(field: string) {
    super(REFERRAL_SCOPE, 'INVALID', `the row referenced by ${field} does not exist`);
  }
}
