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
  { file: 'src/backend/api/routes.ts', marker: '// scaffold:routes', lines: ["router.use('/auth', createAuthRouter(services.auth, log, { ...authSettings(log).rateLimit, prefix: 'auth', store: options.rateLimitStore }));"] },
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
export const AUTH_NAMES = ['users', 'auth', 'refresh_tokens', 'refresh-tokens', 'User', 'RefreshToken', 'Auth', 'Tokens'];

/**
 * Refuses a new module whose name, entity, table, route or OpenAPI schema name (its plural: the
 * auth module documents `User` and `Tokens`) the auth generator owns, once auth is set up in the service.
 *
 * @param names - the new module's name, entity, plural, table and route.
 * @param hasAuth - whether the service records auth.
 * @throws {GeneratorInputError} naming the clash.
 */
export function assertNotAuthName(names: { name: string; Entity: string; Plural: string; table: string; route: string }, hasAuth: boolean): void {
  const clash = [names.name, names.Entity, names.Plural, names.table, names.route].find((n) => AUTH_NAMES.includes(n));
  if (hasAuth && clash) throw new GeneratorInputError(`Module "${names.name}" collides with auth (${clash}): auth owns users, auth and refresh_tokens.`);
}

/** Role names for `--auth=<role>`: lower-case ASCII words joined by `-` or `_`, 1–32 characters (e.g. `admin`, `billing-clerk`). */
export const ROLE_PATTERN = /^[a-z][a-z0-9]*([_-][a-z0-9]+)*$/;

/**
 * Reads the role of `--auth=<role>`.
 *
 * @param auth - `--auth` (true), `--auth=<role>`, or undefined.
 * @returns the role, or `undefined` for plain `--auth` or no flag.
 * @throws {GeneratorInputError} when the role is not a valid role name.
 */
export function roleOf(auth: true | string | undefined): string | undefined {
  if (typeof auth !== 'string') return undefined;
  if (!ROLE_PATTERN.test(auth) || auth.length > 32) {
    throw new GeneratorInputError(`--auth=${auth}: a role is lower-case letters and digits, words joined by - or _, at most 32 characters (e.g. --auth=admin).`);
  }
  return auth;
}

/**
 * Reads `--auth=<role>` of a use case: its route needs that role on top of its module's sign-in.
 *
 * @param auth - the flag's value, or undefined.
 * @returns `{ auth: role }`, or nothing without the flag.
 * @throws {GeneratorInputError} on plain `--auth` (a use case of a protected module is protected
 *   already; a public module is protected with `endpoint … --auth`) or an invalid role.
 */
export function usecaseRole(auth: true | string | undefined): { auth?: string } {
  if (auth === true) throw new GeneratorInputError('A use case takes --auth=<role> (e.g. --auth=admin): its module\'s --auth already makes it need a signed-in user.');
  const role = roleOf(auth);
  return role === undefined ? {} : { auth: role };
}

/**
 * Checks the auth options of a new module: an owner field, a secret field or `--auth` needs
 * `npx plop auth` in the service first (its users, its argon2id hasher); an owner field needs
 * `--auth`; `--auth=<role>` needs a valid role name.
 *
 * @param fields - the module's fields (`owner` and `secret` mark those kinds).
 * @param auth - `--auth` (true), `--auth=<role>`, or undefined.
 * @param hasAuth - whether the service records auth.
 * @throws {GeneratorInputError} naming what is missing.
 */
export function assertAuthOptions(fields: { spec: string; owner: boolean; secret?: boolean }[], auth: true | string | undefined, hasAuth: boolean): void {
  const owner = fields.find((f) => f.owner);
  const secret = fields.find((f) => f.secret === true);
  roleOf(auth);
  if ((auth !== undefined || owner) && !hasAuth) {
    throw new GeneratorInputError(`${owner ? `Field "${owner.spec}"` : `--auth${typeof auth === 'string' ? `=${auth}` : ''}`} needs users and sign-in: run npx plop auth first.`);
  }
  if (secret && !hasAuth) {
    throw new GeneratorInputError(`Field "${secret.spec}" is a secret field, stored as its argon2id hash by the auth module's password hasher: run npx plop auth first.`);
  }
  if (owner && auth === undefined) throw new GeneratorInputError(`Field "${owner.spec}" is an owner field: it needs --auth (routes must know who is signed in).`);
}
