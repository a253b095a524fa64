import {
  functionLogger,
  logged,
  moduleLogger,
  Secret,
  UnauthenticatedError,
  type Actor,
  type Authenticator,
  type Logger,
} from '../common/index.js';
import { normaliseEmail, toPublicUser, type PublicUser, type User, type UsersRepository } from '../users/index.js';
import type { PasswordHasher, RefreshTokenStore, TokenIssuer } from './auth.ports.js';

/** Email and password as sent to register or log in. */
export interface Credentials {
  email: string;
  password: Secret;
}

/** What a login or a refresh answers (RFC 6749 §5.1 field names). */
export interface AuthTokens {
  tokenType: 'Bearer';
  accessToken: Secret;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
  /** Opaque; single use: each refresh answers a new one. */
  refreshToken: Secret;
}

/** The use cases of `auth`, written against its ports only. */
export interface AuthService extends Authenticator {
  /**
   * Creates an account; the password is kept only as its hash.
   *
   * @param input - email (normalised here) and password.
   * @returns the new user, without its hash.
   * @throws {UserConflictError} when the email is taken.
   */
  register(input: Credentials): Promise<PublicUser>;
  /**
   * Checks the credentials and starts a session (a new refresh-token family). An unknown email
   * and a wrong password fail alike: same error, and a password is verified against a dummy hash,
   * so the time is similar too (no user enumeration).
   *
   * @param input - email and password.
   * @returns an access token and the session's first refresh token.
   * @throws {UnauthenticatedError} when they do not match an account.
   */
  login(input: Credentials): Promise<AuthTokens>;
  /**
   * Rotates a refresh token: the presented one is spent and a new pair answers. A token presented
   * a second time means it leaked: its whole family is revoked (RFC 9700 §4.14.2), so the newer
   * token and the access tokens of the session stop working too. There is no grace window.
   *
   * @param refreshToken - the presented token.
   * @returns a new access token and refresh token of the same family.
   * @throws {UnauthenticatedError} when it is unknown, expired, revoked or reused.
   */
  refresh(refreshToken: Secret): Promise<AuthTokens>;
  /**
   * Ends the session: revokes the token's whole family. Unknown tokens are ignored (no oracle).
   *
   * @param refreshToken - the session's current refresh token.
   */
  logout(refreshToken: Secret): Promise<void>;
  /**
   * @param actor - the signed-in caller.
   * @returns its account, without the hash.
   * @throws {UnauthenticatedError} when the account no longer exists.
   */
  me(actor: Actor): Promise<PublicUser>;
}

/** What the auth service needs: its ports, lifetimes and the root logger. */
export interface AuthServiceDeps {
  users: UsersRepository;
  refreshTokens: RefreshTokenStore;
  passwords: PasswordHasher;
  tokens: TokenIssuer;
  /** Lifetime of a refresh token, in seconds. */
  refreshTtlSeconds: number;
  log: Logger;
  /** The clock; `new Date()` by default. */
  now?: () => Date;
}

const BAD_CREDENTIALS = 'the email or password is wrong';
const BAD_REFRESH = 'the refresh token is invalid, expired or revoked';

/**
 * Creates the `auth` service (users, sessions, tokens). Every use case logs with the
 * `[Auth:function]` prefix; passwords and tokens travel as {@link Secret}s, so they log as
 * `[redacted]`.
 *
 * @param deps - ports, refresh lifetime, clock and root logger.
 * @returns the service.
 */
export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { users, refreshTokens, passwords, tokens } = deps;
  const now = deps.now ?? (() => new Date());
  const log = moduleLogger(deps.log, 'Auth');
  const fn = (name: string): Logger => functionLogger(log, 'Auth', name);
  let dummyHash: Promise<Secret> | undefined;

  const startTokens = async (user: User, familyId: string): Promise<AuthTokens> => {
    const refresh = tokens.newRefreshToken();
    const expiresAt = new Date(now().getTime() + deps.refreshTtlSeconds * 1000);
    await refreshTokens.create({ familyId, userId: user.id, tokenHash: refresh.hash, expiresAt });
    const access = await tokens.issueAccessToken({ actor: { userId: user.id, roles: user.roles }, sessionId: familyId });
    return { tokenType: 'Bearer', accessToken: access.token, expiresIn: access.expiresIn, refreshToken: refresh.token };
  };

  return {
    register: logged(fn('register'), async (input: Credentials) => {
      const user = await users.create({ email: normaliseEmail(input.email), passwordHash: await passwords.hash(input.password), roles: [] });
      return toPublicUser(user);
    }),
    login: logged(fn('login'), async (input: Credentials) => {
      const user = await users.findByEmail(normaliseEmail(input.email));
      dummyHash ??= passwords.hash(new Secret('dummy password, verified when the email is unknown'));
      const ok = await passwords.verify(user?.passwordHash ?? (await dummyHash), input.password);
      if (!user || !ok) throw new UnauthenticatedError(BAD_CREDENTIALS);
      return startTokens(user, tokens.newSessionId());
    }),
    refresh: logged(fn('refresh'), async (refreshToken: Secret) => {
      const record = await refreshTokens.findByHash(tokens.hashRefreshToken(refreshToken));
      const at = now();
      if (!record || record.revokedAt) throw new UnauthenticatedError(BAD_REFRESH);
      if (record.usedAt || !(await refreshTokens.markUsed(record.id, at))) {
        const revoked = await refreshTokens.revokeFamily(record.familyId, at);
        log.warn({ familyId: record.familyId, userId: record.userId, revoked }, '[Auth:refresh] refresh token reused: family revoked');
        throw new UnauthenticatedError(BAD_REFRESH);
      }
      const user = record.expiresAt > at ? await users.findById(record.userId) : null;
      if (!user) throw new UnauthenticatedError(BAD_REFRESH);
      return startTokens(user, record.familyId);
    }),
    logout: logged(fn('logout'), async (refreshToken: Secret) => {
      const record = await refreshTokens.findByHash(tokens.hashRefreshToken(refreshToken));
      if (record) await refreshTokens.revokeFamily(record.familyId, now());
    }),
    me: logged(fn('me'), async (actor: Actor) => {
      const user = await users.findById(actor.userId);
      if (!user) throw new UnauthenticatedError();
      return toPublicUser(user);
    }),
    authenticate: logged(fn('authenticate'), async (token: Secret) => {
      const claims = await tokens.verifyAccessToken(token);
      if (!(await refreshTokens.isFamilyActive(claims.sessionId))) throw new UnauthenticatedError('the session has ended');
      return claims.actor;
    }),
  };
}
