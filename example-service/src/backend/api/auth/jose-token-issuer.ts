import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { AccessClaims, TokenIssuer } from '../../services/auth/index.js';
import { functionLogger, logged, moduleLogger, Secret, UnauthenticatedError, type Logger } from '../../services/common/index.js';
import type { AuthSettings } from './auth.config.js';

/** The one algorithm tokens are signed and accepted with (`alg: none` and every other are refused). */
const ALGORITHM = 'HS256';

/** The claims of a verified payload, or `undefined` when they lack the shapes this service issues. */
function claimsOf(payload: Record<string, unknown>): AccessClaims | undefined {
  const { sub, roles, sid } = payload;
  if (typeof sub !== 'string' || !/^[1-9][0-9]{0,9}$/.test(sub) || typeof sid !== 'string') return undefined;
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) return undefined;
  return { actor: { userId: Number(sub), roles: roles as string[] }, sessionId: sid };
}

/**
 * The token adapter: access tokens are JWTs (RFC 7519) signed with HS256 by `jose`, verified with
 * the algorithm, issuer and audience pinned and `exp`/`iat`/`sub` required; refresh tokens are 32
 * random bytes (base64url), stored as their SHA-256.
 *
 * @param settings - key, issuer, audience, access lifetime.
 * @param rootLog - the root logger.
 * @param now - the clock (tests sign expired tokens with it).
 * @returns the {@link TokenIssuer}.
 */
export function createJoseTokenIssuer(settings: AuthSettings, rootLog: Logger, now: () => Date = () => new Date()): TokenIssuer {
  const log = moduleLogger(rootLog, 'AuthApi');
  const fn = (name: string): Logger => functionLogger(log, 'AuthApi', name);
  const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
  return {
    issueAccessToken: logged(fn('issueAccessToken'), async (claims: AccessClaims) => {
      const iat = Math.floor(now().getTime() / 1000);
      const token = await new SignJWT({ roles: claims.actor.roles, sid: claims.sessionId })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(String(claims.actor.userId))
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + settings.accessTtlSeconds)
        .setJti(randomUUID())
        .sign(settings.key);
      return { token: new Secret(token), expiresIn: settings.accessTtlSeconds };
    }),
    verifyAccessToken: logged(fn('verifyAccessToken'), async (token: Secret) => {
      const verified = await jwtVerify(token.reveal(), settings.key, {
        algorithms: [ALGORITHM],
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        currentDate: now(),
      }).catch((err: unknown) => {
        log.debug({ reason: (err as { code?: string }).code ?? 'invalid' }, '[AuthApi:verifyAccessToken] token refused');
        return undefined;
      });
      const claims = verified && claimsOf(verified.payload);
      if (!claims) throw new UnauthenticatedError('the access token is invalid or expired');
      return claims;
    }),
    newRefreshToken: () => {
      functionLogger(log, 'AuthApi', 'newRefreshToken').debug('issued');
      const token = randomBytes(32).toString('base64url');
      return { token: new Secret(token), hash: sha256(token) };
    },
    hashRefreshToken: (token: Secret) => {
      functionLogger(log, 'AuthApi', 'hashRefreshToken').trace('hashed');
      return sha256(token.reveal());
    },
    newSessionId: () => {
      functionLogger(log, 'AuthApi', 'newSessionId').trace('created');
      return randomUUID();
    },
  };
}
