import { Secret, UnauthenticatedError, type Logger } from '../common/index.js';
import { createInMemoryUsersRepository } from '../users/index.js';
import { createInMemoryRefreshTokenStore } from './auth.memory-refresh-store.js';
import type { AccessClaims, PasswordHasher, TokenIssuer } from './auth.ports.js';
import { createAuthService, type AuthService } from './auth.service.js';

/**
 * A fake password hasher for unit tests: `hash:<password>`, and it counts verify calls (so a test
 * can see that an unknown email still verifies a password).
 *
 * @returns the fake and its counter.
 */
export function fakePasswordHasher(): PasswordHasher & { verifyCalls: number } {
  const fake = {
    verifyCalls: 0,
    hash: async (password: Secret) => new Secret(`hash:${password.reveal()}`),
    verify: async (hash: Secret, password: Secret) => {
      fake.verifyCalls += 1;
      return hash.reveal() === `hash:${password.reveal()}`;
    },
  };
  return fake;
}

/**
 * A fake token issuer for unit tests: access tokens are `access:<n>` looked up in a map; refresh
 * tokens `refresh:<n>` hashed as `sha:<token>`; `expire(token)` makes one access token fail.
 *
 * @returns the fake.
 */
export function fakeTokenIssuer(): TokenIssuer & { expire(token: string): void } {
  const issued = new Map<string, AccessClaims>();
  let n = 0;
  return {
    issueAccessToken: async (claims) => {
      n += 1;
      issued.set(`access:${n}`, claims);
      return { token: new Secret(`access:${n}`), expiresIn: 900 };
    },
    verifyAccessToken: async (token) => {
      const claims = issued.get(token.reveal());
      if (!claims) throw new UnauthenticatedError();
      return claims;
    },
    newRefreshToken: () => {
      n += 1;
      return { token: new Secret(`refresh:${n}`), hash: `sha:refresh:${n}` };
    },
    hashRefreshToken: (token) => `sha:${token.reveal()}`,
    newSessionId: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
    expire: (token) => {
      issued.delete(token);
    },
  };
}

/**
 * An auth service on fakes and in-memory stores (no HTTP, no database, no crypto).
 *
 * @param log - a logger.
 * @param now - the clock.
 * @returns the service and its fakes.
 */
export function buildAuthOnFakes(log: Logger, now: () => Date = () => new Date()) {
  const passwords = fakePasswordHasher();
  const tokens = fakeTokenIssuer();
  const users = createInMemoryUsersRepository(log);
  const refreshTokens = createInMemoryRefreshTokenStore(log);
  const service: AuthService = createAuthService({ users, refreshTokens, passwords, tokens, refreshTtlSeconds: 3600, log, now });
  return { service, passwords, tokens, users, refreshTokens };
}
