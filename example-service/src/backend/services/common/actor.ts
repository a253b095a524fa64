import type { Secret } from './secret.js';

/**
 * Who is calling, as the framework-free core sees it: the HTTP adapter authenticates the request
 * (a bearer token) and hands the core this value; services decide authorisation from it.
 */
export interface Actor {
  /** Id of the signed-in user (`users.id`). */
  userId: number;
  /** Roles granted to the user, e.g. `['admin']`; empty for an ordinary user. */
  roles: string[];
}

/** A port that turns a presented access token into an {@link Actor} (implemented by the auth module). */
export interface Authenticator {
  /**
   * Verifies an access token.
   *
   * @param token - the bearer token as sent, wrapped so it never reaches a log line.
   * @returns the caller.
   * @throws {UnauthenticatedError} when the token is malformed, expired, tampered with, revoked
   *   or issued by someone else.
   */
  authenticate(token: Secret): Promise<Actor>;
}

/**
 * @pure
 * @param actor - the caller.
 * @param role - a role name, e.g. `admin`.
 * @returns whether the caller holds the role.
 */
export function hasRole(actor: Actor, role: string): boolean {
  return actor.roles.includes(role);
}
