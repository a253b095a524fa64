import type { NewUser, User } from './users.entity.js';

/**
 * The repository port of `users`. Adapters: the Prisma repository (`db/users`) and the in-memory
 * one beside this file. Emails are compared exactly: callers pass {@link normaliseEmail}'s form.
 */
export interface UsersRepository {
  /**
   * Stores a new user.
   *
   * @param data - normalised email, password hash, roles.
   * @returns the user with its id and timestamps.
   * @throws {UserConflictError} when the email is taken.
   */
  create(data: NewUser): Promise<User>;
  /**
   * @param email - a normalised email.
   * @returns the user holding it, or `null`.
   */
  findByEmail(email: string): Promise<User | null>;
  /**
   * @param id - a user id.
   * @returns the user, or `null`.
   */
  findById(id: number): Promise<User | null>;
}
