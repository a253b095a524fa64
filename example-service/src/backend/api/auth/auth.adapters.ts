import type { AuthServiceDeps } from '../../services/auth/index.js';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import { createArgon2PasswordHasher } from './argon2-password-hasher.js';
import { authSettings, type AuthSettings } from './auth.config.js';
import { createJoseTokenIssuer } from './jose-token-issuer.js';

/**
 * The auth service's crypto adapters for the composition root: argon2id passwords, jose tokens,
 * the refresh lifetime — all from the process's {@link authSettings} unless given.
 *
 * @param rootLog - the root logger.
 * @param settings - settings to use instead of the environment's (tests).
 * @returns `passwords`, `tokens`, `refreshTtlSeconds` for `createAuthService`.
 * @throws {AuthConfigError} when the environment's auth settings are invalid.
 */
export function authAdapters(rootLog: Logger, settings: AuthSettings = authSettings(rootLog)): Pick<AuthServiceDeps, 'passwords' | 'tokens' | 'refreshTtlSeconds'> {
  functionLogger(moduleLogger(rootLog, 'AuthApi'), 'AuthApi', 'authAdapters').trace({ keySource: settings.keySource }, 'wired');
  return { passwords: createArgon2PasswordHasher(rootLog), tokens: createJoseTokenIssuer(settings, rootLog), refreshTtlSeconds: settings.refreshTtlSeconds };
}
