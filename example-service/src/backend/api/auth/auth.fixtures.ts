import type { Express } from 'express';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { createAuthService, createInMemoryRefreshTokenStore } from '../../services/auth/index.js';
import { Secret, type Logger } from '../../services/common/index.js';
import { createInMemoryUsersRepository } from '../../services/users/index.js';
import { authAdapters } from './auth.adapters.js';

const PASSWORD = 'fixture password, long enough';

/** The in-memory services of {@link signedInApp}'s app, its auth service included. */
export type SignedInServices = ReturnType<typeof composeInMemoryServices> & { auth: ReturnType<typeof createAuthService> };

/**
 * Test support for protected modules: an app on in-memory services whose auth module knows three
 * signed-in users (real argon2id hashes and signed access tokens): alice and bob, who hold `roles`,
 * and outsider, who holds none (for the 403 of a route that needs a role).
 *
 * @param log - a logger.
 * @param roles - roles alice and bob hold (default none).
 * @returns the app, its services (to seed rows without HTTP), the three access tokens and alice's user id.
 */
export async function signedInApp(log: Logger, roles: string[] = []): Promise<{ app: Express; services: SignedInServices; alice: string; bob: string; aliceId: number; outsider: string }> {
  const users = createInMemoryUsersRepository(log);
  const adapters = authAdapters(log);
  const auth = createAuthService({ users, refreshTokens: createInMemoryRefreshTokenStore(log), ...adapters, log });
  const services = { ...composeInMemoryServices(log), auth };
  const app = createApp({ services, log, checkReady: async () => {} });
  const signIn = async (email: string, granted: string[]): Promise<[string, number]> => {
    const user = await users.create({ email, passwordHash: await adapters.passwords.hash(new Secret(PASSWORD)), roles: granted });
    return [(await auth.login({ email, password: new Secret(PASSWORD) })).accessToken.reveal(), user.id];
  };
  const [alice, aliceId] = await signIn('alice@example.com', roles);
  const [bob] = await signIn('bob@example.com', roles);
  const [outsider] = await signIn('outsider@example.com', []);
  return { app, services, alice, bob, aliceId, outsider };
}
