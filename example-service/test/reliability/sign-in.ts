import request from 'supertest';
import type { CrudModuleSpec } from '../../src/backend/api/index.js';
import type { TestDatabase } from '../../src/backend/db/common/index.js';

/**
 * Every role a module (`--auth=<role>`) or one of its use cases needs.
 *
 * @param specs - the service's CRUD module specs.
 * @returns the roles, each once.
 */
export function rolesOf(specs: CrudModuleSpec[]): string[] {
  return [...new Set(specs.flatMap((spec) => [spec.role, ...(spec.actions ?? []).map((a) => (typeof a === 'string' ? undefined : a.role))]))]
    .filter((role): role is string => role !== undefined);
}

/**
 * Signs a fresh user up and in through `/auth/register` and `/auth/login` (call it only when some
 * module needs a signed-in user, so the tests hold in a service without `npx plop auth`), holding
 * every role of {@link rolesOf} (granted in the table between the two, as an administrator would).
 *
 * @param app - the app on the real database.
 * @param db - that database.
 * @param specs - the service's CRUD module specs (for their roles).
 * @returns the access token.
 */
export async function signIn(app: Parameters<typeof request>[0], db: TestDatabase, specs: CrudModuleSpec[]): Promise<string> {
  const roles = rolesOf(specs);
  const user = { email: `p31-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`, password: 'a long enough password' };
  await request(app).post('/auth/register').send(user).expect(201);
  if (roles.length > 0) await db.prisma.$executeRaw`UPDATE "users" SET "roles" = ${roles} WHERE "email" = ${user.email}`;
  return ((await request(app).post('/auth/login').send(user).expect(200)).body as { accessToken: string }).accessToken;
}
