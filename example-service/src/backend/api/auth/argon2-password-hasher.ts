import argon2 from 'argon2';
import type { PasswordHasher } from '../../services/auth/index.js';
import { functionLogger, logged, moduleLogger, Secret, type Logger } from '../../services/common/index.js';

/** OWASP Password Storage Cheat Sheet, argon2id: m = 19 MiB, t = 2, p = 1. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The password adapter: argon2id through the `argon2` package (salted, PHC string output;
 * `verify` compares in constant time).
 *
 * @param rootLog - the root logger.
 * @returns the {@link PasswordHasher}.
 */
export function createArgon2PasswordHasher(rootLog: Logger): PasswordHasher {
  const log = moduleLogger(rootLog, 'AuthApi');
  const fn = (name: string): Logger => functionLogger(log, 'AuthApi', name);
  return {
    hash: logged(fn('hash'), async (password: Secret) => new Secret(await argon2.hash(password.reveal(), ARGON2_OPTIONS))),
    verify: logged(fn('verify'), async (hash: Secret, password: Secret) => argon2.verify(hash.reveal(), password.reveal()).catch(() => false)),
  };
}
