import type { Secret } from '../common/index.js';

/** One user account as the core sees it. The password exists only as its hash, wrapped in a {@link Secret}. */
export interface User {
  id: number;
  /** Normalised (trimmed, NFC, lower-case); unique. */
  email: string;
  /** The argon2id hash (PHC string) of the password; serialises as `[redacted]`. */
  passwordHash: Secret;
  /** Role names, e.g. `['admin']`; empty for an ordinary user. */
  roles: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** What a response may show of a user: everything but the password hash. */
export type PublicUser = Omit<User, 'passwordHash'>;

/** What it takes to store a new user. */
export interface NewUser {
  email: string;
  passwordHash: Secret;
  roles?: string[];
}

/**
 * The one form of an email address the service stores and compares: trimmed, Unicode NFC,
 * lower-cased (so `Ann@Example.COM ` and `ann@example.com` are one account).
 *
 * @pure
 * @param email - the address as sent.
 * @returns the normalised address.
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/**
 * @pure
 * @param user - a stored user.
 * @returns the same user without its password hash.
 */
export function toPublicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, roles: [...user.roles], createdAt: user.createdAt, updatedAt: user.updatedAt };
}
