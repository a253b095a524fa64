import { ConflictError } from '../common/index.js';

/** Code scope of every `users` error, e.g. `USER.CONFLICT`. */
export const USER_SCOPE = 'USER';

/** Another account already uses this email (`USER.CONFLICT`, 409). */
export class UserConflictError extends ConflictError {
  constructor() {
    super(USER_SCOPE, 'an account with this email already exists');
  }
}
