import type { Actor, Secret } from '../common/index.js';

/** Hashes and checks passwords (adapter: argon2id, `api/auth/argon2-password-hasher.ts`). */
export interface PasswordHasher {
  /**
   * @param password - the password as sent.
   * @returns its salted hash (a PHC string), wrapped.
   */
  hash(password: Secret): Promise<Secret>;
  /**
   * Checks a password against a hash in constant time.
   *
   * @param hash - a hash from {@link PasswordHasher.hash}.
   * @param password - the password as sent.
   * @returns whether they match; `false` for a malformed hash.
   */
  verify(hash: Secret, password: Secret): Promise<boolean>;
}

/** An issued access token and its lifetime. */
export interface AccessToken {
  token: Secret;
  /** Lifetime in seconds from now. */
  expiresIn: number;
}

/** What a verified access token says. */
export interface AccessClaims {
  actor: Actor;
  /** The refresh-token family (session) the token was issued for; revoking it ends the token too. */
  sessionId: string;
}

/** Signs and verifies access tokens and makes opaque refresh tokens (adapter: jose + node:crypto). */
export interface TokenIssuer {
  /**
   * @param claims - who and which session.
   * @returns a signed, short-lived access token.
   */
  issueAccessToken(claims: AccessClaims): Promise<AccessToken>;
  /**
   * @param token - a presented access token.
   * @returns its claims.
   * @throws {UnauthenticatedError} when it is malformed, expired, signed with another key or
   *   algorithm, or issued for another issuer or audience.
   */
  verifyAccessToken(token: Secret): Promise<AccessClaims>;
  /**
   * @returns a new random opaque refresh token and the hash to store instead of it.
   */
  newRefreshToken(): { token: Secret; hash: string };
  /**
   * @param token - a presented refresh token.
   * @returns the hash it is stored under.
   */
  hashRefreshToken(token: Secret): string;
  /**
   * @returns a new random session (refresh-token family) id, a UUID.
   */
  newSessionId(): string;
}

/** One stored refresh token (only its hash is kept). */
export interface RefreshTokenRecord {
  id: number;
  /** The family: every token rotated from one login shares it. */
  familyId: string;
  userId: number;
  tokenHash: string;
  expiresAt: Date;
  /** When it was exchanged for a new one; a second use is reuse. */
  usedAt: Date | null;
  /** When its family was revoked (logout or detected reuse). */
  revokedAt: Date | null;
  createdAt: Date;
}

/** The repository port of refresh tokens (adapters: `db/auth` and the in-memory store beside this file). */
export interface RefreshTokenStore {
  /**
   * @param data - family, user, token hash, expiry.
   * @returns the stored record.
   */
  create(data: { familyId: string; userId: number; tokenHash: string; expiresAt: Date }): Promise<RefreshTokenRecord>;
  /**
   * @param tokenHash - the hash of a presented token.
   * @returns its record, or `null`.
   */
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /**
   * Marks a token used, atomically: of two concurrent calls only one succeeds.
   *
   * @param id - the record's id.
   * @param at - the instant of use.
   * @returns `false` when it was already used.
   */
  markUsed(id: number, at: Date): Promise<boolean>;
  /**
   * Revokes every token of a family.
   *
   * @param familyId - the family.
   * @param at - the instant of revocation.
   * @returns how many records were revoked now.
   */
  revokeFamily(familyId: string, at: Date): Promise<number>;
  /**
   * @param familyId - a session id from an access token.
   * @returns whether the family exists and is not revoked.
   */
  isFamilyActive(familyId: string): Promise<boolean>;
}
