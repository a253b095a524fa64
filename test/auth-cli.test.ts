import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, plopJson } from './support/agent.js';
import { bin, copyService, EXAMPLE_SERVICE, readTree, removeCopy, run } from './support/workspace.js';

const AUTH_PATH = /(^|\/)(auth|users|notes)\/|_create_(auth|notes)\/|(auth|notes)\.http$/;

// `npx plop auth` and `npx plop destroy auth` on a copy of the example service, as an agent drives them.
describe('npx plop auth', () => {
  let service: string;
  const plop = (args: string[]) => plopJson(service, args);
  const read = (path: string): string => readFileSync(join(service, path), 'utf8');
  beforeAll(() => {
    service = copyService();
  });
  afterAll(() => removeCopy(service));

  it('When auth is already set up, then it is refused and nothing changes', () => {
    expectRefused(service, service, ['auth'], /Auth is already set up/);
  });

  it('When a module still has an owner field, then destroy auth is refused', () => {
    expectRefused(service, service, ['destroy', 'auth'], /Auth is used by notes \(owner fields\)/);
    expect(plop(['destroy', 'notes']).json.errors).toEqual([]);
  });

  it('When auth is destroyed (migration not committed), then every users/auth file, line and record goes', () => {
    const { status, json } = plop(['destroy', 'auth']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    const tree = readTree(service);
    expect(Object.keys(tree).filter((p) => AUTH_PATH.test(p))).toEqual([]);
    expect(read('src/composition-root.ts')).not.toMatch(/auth|Users|Notes/i);
    expect(read('src/backend/api/routes.ts')).not.toMatch(/auth/i);
    expect(JSON.parse(read('scaffold.json'))).not.toHaveProperty('auth');
    expectRefused(service, service, ['destroy', 'auth'], /Auth is not recorded/);
  });

  it('When --dry-run, then the plan lists every file and patch and nothing is written', () => {
    const before = readTree(service);
    const { status, json } = plop(['auth', '--dry-run']);
    expect(status).toBe(0);
    expect(json.status).toBe('planned');
    expect(json.files_changed.some((p) => p.endsWith('src/backend/services/auth/auth.service.ts'))).toBe(true);
    expect(json.plan?.find((p) => p.path.endsWith('routes.ts'))?.added.join('\n')).toContain("router.use('/auth'");
    expect(readTree(service)).toEqual(before);
  });

  it('When --auth or an owner field comes before npx plop auth, then the endpoint is refused', () => {
    expectRefused(service, service, ['endpoint', 'notes', 'title:string author:owner', '--auth'], /run npx plop auth first/);
    expectRefused(service, service, ['endpoint', 'notes', 'title:string', '--auth'], /run npx plop auth first/);
  });

  it('When auth and then an owned notes module are generated, then the example’s files come back byte for byte, it typechecks and its tests pass', () => {
    const { status, json } = plop(['auth']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expectRefused(service, service, ['endpoint', 'notes', 'title:string author:owner'], /needs --auth/);
    expectRefused(service, service, ['endpoint', 'notes', 'title:string author:owner', '--auth=Admin'], /--auth=Admin: a role is lower-case/);
    expectRefused(service, service, ['endpoint', 'notes', 'author:owner? title:string', '--auth'], /owner field takes no modifier/);
    expectRefused(service, service, ['endpoint', 'notes', 'a:owner b:owner', '--auth'], /at most one owner field/);
    const notes = plop(['endpoint', 'notes', 'title:string body:text author:owner', '--auth']);
    expect(notes.json.errors).toEqual([]);
    expect(notes.status).toBe(0);
    const migration = (JSON.parse(read('scaffold.json')) as { auth: { migration: string } }).auth.migration;
    expect(migration).toMatch(/^\d{14}_create_auth$/);
    const example = readTree(EXAMPLE_SERVICE);
    const tree = readTree(service);
    const same = Object.keys(example).filter((p) => AUTH_PATH.test(p) && !p.includes('_create_'));
    expect(same.length).toBeGreaterThan(40);
    for (const path of same) expect(tree[path], path).toBe(example[path]);
    expect(read(`prisma/migrations/${migration}/migration.sql`)).toContain('CREATE TABLE "refresh_tokens"');
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);
    const tests = run(bin('vitest'), ['run', '--reporter=verbose', 'src/backend/services/auth', 'src/backend/services/users', 'src/backend/api/auth', 'src/backend/services/notes', 'src/backend/api/notes'], service);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/refresh token is used twice/);
    expect(tests.stdout).toMatch(/When another user changes it, then 403 NOTE\.FORBIDDEN/);
  });

  it('When an endpoint would take a name auth owns, then it is refused', () => {
    expectRefused(service, service, ['endpoint', 'refreshTokens', 'name:string'], /collides with auth \(RefreshToken\)/);
    expectRefused(service, service, ['endpoint', 'users', 'name:string'], /already exists|collides/);
  });
});
