import { GeneratorInputError } from '../errors.js';
import type { Registration } from '../endpoint/registrations.js';

/** Where `npx plop auth` registers the users and auth modules (anchored patches, rule R19). */
export const AUTH_REGISTRATIONS: Registration[] = [
  {
    file: 'src/backend/api/routes.ts',
    marker: '// scaffold:imports',
    lines: ["import type { AuthService } from '../services/auth/index.js';", "import { authSettings, createAuthRouter } from './auth/index.js';"],
  },
  { file: 'src/backend/api/routes.ts', marker: '// scaffold:services', lines: ['auth: AuthService;'] },
  { file: 'src/backend/api/routes.ts', marker: '// scaffold:routes', lines: ["router.use('/auth', createAuthRouter(services.auth, log, authSettings(log).rateLimit));"] },
  {
    file: 'src/composition-root.ts',
    marker: '// scaffold:imports',
    lines: [
      "import { authAdapters } from './backend/api/auth/index.js';",
      "import { createRefreshTokensPrismaRepository } from './backend/db/auth/index.js';",
      "import { createUsersPrismaRepository } from './backend/db/users/index.js';",
      "import { createAuthService, createInMemoryRefreshTokenStore } from './backend/services/auth/index.js';",
      "import { createInMemoryUsersRepository } from './backend/services/users/index.js';",
    ],
  },
  {
    file: 'src/composition-root.ts',
    marker: '// scaffold:services',
    lines: ['auth: createAuthService({ users: createUsersPrismaRepository(prisma, log), refreshTokens: createRefreshTokensPrismaRepository(prisma, log), ...authAdapters(log), log }),'],
  },
  {
    file: 'src/composition-root.ts',
    marker: '// scaffold:memory-services',
    lines: ['auth: createAuthService({ users: createInMemoryUsersRepository(log), refreshTokens: createInMemoryRefreshTokenStore(log), ...authAdapters(log), log }),'],
  },
  { file: 'src/backend/services/index.ts', marker: '// scaffold:exports', lines: ["export * from './users/index.js';", "export * from './auth/index.js';"] },
  { file: 'src/backend/db/index.ts', marker: '// scaffold:exports', lines: ["export * from './users/index.js';", "export * from './auth/index.js';"] },
  { file: 'src/backend/api/index.ts', marker: '// scaffold:exports', lines: ["export * from './auth/index.js';"] },
];

/** Packages the generated auth code imports; `npx plop auth` adds them to the service when missing. */
export const AUTH_DEPENDENCIES: Record<string, string> = { argon2: '0.45.1', jose: '6.2.17' };

/** Module names, tables and routes the auth generator owns; an endpoint may not take them. */
export const AUTH_NAMES = ['users', 'auth', 'refresh_tokens', 'refresh-tokens', 'User', 'RefreshToken', 'Auth'];

/**
 * Refuses a new module whose name, entity, table or route the auth generator owns, once auth is
 * set up in the service.
 *
 * @param names - the new module's name, entity, table and route.
 * @param hasAuth - whether the service records auth.
 * @throws {GeneratorInputError} naming the clash.
 */
export function assertNotAuthName(names: { name: string; Entity: string; table: string; route: string }, hasAuth: boolean): void {
  const clash = [names.name, names.Entity, names.table, names.route].find((n) => AUTH_NAMES.includes(n));
  if (hasAuth && clash) throw new GeneratorInputError(`Module "${names.name}" collides with auth (${clash}): auth owns users, auth and refresh_tokens.`);
}

/**
 * Checks the auth options of a new module: an owner field or `--auth` needs `npx plop auth` in
 * the service first; an owner field needs `--auth`; `--auth` takes no value.
 *
 * @param fields - the module's fields (`owner` marks an owner field).
 * @param auth - `--auth` (true), a value given to it (refused), or undefined.
 * @param hasAuth - whether the service records auth.
 * @throws {GeneratorInputError} naming what is missing.
 */
export function assertAuthOptions(fields: { spec: string; owner: boolean }[], auth: true | string | undefined, hasAuth: boolean): void {
  const owner = fields.find((f) => f.owner);
  if ((auth !== undefined || owner) && !hasAuth) {
    throw new GeneratorInputError(`${owner ? `Field "${owner.spec}"` : '--auth'} needs users and sign-in: run npx plop auth first.`);
  }
  if (owner && auth === undefined) throw new GeneratorInputError(`Field "${owner.spec}" is an owner field: it needs --auth (routes must know who is signed in).`);
  if (typeof auth === 'string') throw new GeneratorInputError(`--auth takes no value (got --auth=${auth}): write --auth.`);
}
