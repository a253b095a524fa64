import type { NodePlopAPI } from 'plop';
import { generatePrismaClient } from '../endpoint/index.js';
import type { JobFactory } from '../plop.js';
import { planAuth } from './plan.js';

/**
 * Registers `npx plop auth` (no arguments): users + auth modules, one migration, registrations,
 * the `auth` record in scaffold.json; `--dest`, `--json`, `--dry-run`, `--req=` as for `endpoint`.
 *
 * @param plop - the plop API.
 * @param action - the shared action wrapper of plop.ts (lock, plan, write all or nothing, report).
 */
export function registerAuthGenerator(plop: NodePlopAPI, action: (factory: JobFactory) => (answers: unknown) => string): void {
  plop.setActionType('scaffold-auth', action((_answers, serviceDir) => ({
    serviceDir,
    run: 'auth',
    plan: () => {
      const { changes } = planAuth({ serviceDir });
      const deps = changes.some((c) => c.path === 'package.json');
      return {
        changes,
        objective: 'Add users and auth (register, login, refresh-token rotation with reuse detection, logout, me; argon2id passwords, HS256 JWT access tokens).',
        reuse: 'services/common (Actor, Secret, logging, errors), api/common (route, requireActor, rate limiter, OpenAPI), db/common (Prisma client, errors).',
        nextAction: `${deps ? 'npm install && ' : ''}npm run typecheck && npx vitest run auth users; then npx plop endpoint <module> "<fields> owner:owner" --auth`,
      };
    },
    after: () => generatePrismaClient(serviceDir),
  })));
  plop.setGenerator('auth', {
    description: 'Users and authentication: register/login/refresh/logout/me, JWT access + rotating refresh tokens, argon2id',
    prompts: [],
    actions: [{ type: 'scaffold-auth' }],
  });
}
