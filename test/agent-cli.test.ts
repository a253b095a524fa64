import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, plopJson } from './support/agent.js';
import { copyService, readTree, removeCopy, run } from './support/workspace.js';

// The CLI as an agent drives it: no TTY, --json, exit codes. The service copy is made a git
// repository so "leaves the tree clean" is checked with `git status`.
describe('npx plop --json (agent contract)', () => {
  let service: string;
  const git = (...args: string[]) => run('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], service);
  const plop = (args: string[], env: Record<string, string> = {}) => plopJson(service, args, env);
  const clean = (): string => git('status', '--porcelain').stdout;
  beforeAll(() => {
    service = copyService();
    writeFileSync(join(service, '.gitignore'), 'generated/\nnode_modules/\n.data/\n');
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
  });
  afterAll(() => removeCopy(service));

  it.each([
    ['path traversal', ['endpoint', '../x', 'a:int'], /Module name "\.\.\/x" is invalid/],
    ['absolute path', ['endpoint', '/etc/passwd', 'a:int'], /is invalid/],
    ['reserved word', ['endpoint', 'constructor', 'a:int'], /reserved/],
    ['JS built-in', ['endpoint', 'prototype', 'a:int'], /reserved/],
    ['collision with a module', ['endpoint', 'invoices', 'a:int'], /collides with existing module "invoices"/],
    ['collision by entity', ['endpoint', 'invoice', 'a:int'], /collides with existing module "invoices"/],
    ['unknown type', ['endpoint', 'payments', 'a:money'], /type "money".*unknown/],
    ['malformed field', ['endpoint', 'payments', 'a'], /malformed/],
    ['bad default', ['endpoint', 'payments', 'a:int=x'], /Default "x" in "a:int=x" is invalid/],
    ['bad enum', ['endpoint', 'payments', 'a:enum(A|A)'], /Enum values/],
    ['ref to a missing module', ['endpoint', 'payments', 'c:ref(nothing)'], /references module "nothing", which does not exist/],
    ['unique boolean', ['endpoint', 'payments', 'a:boolean!'], /cannot be unique/],
    ['missing argument', ['endpoint', 'payments'], /Missing "fields" and no terminal/],
    ['destroy of an unknown module', ['destroy', 'nothing'], /No generated module "nothing"/],
    ['bad requirement id', ['endpoint', 'payments', 'a:int', '--req=../x'], /Requirement id/],
  ])('When refused (%s), then exit non-zero, JSON names the problem, nothing changes', (_label, args, message) => {
    expectRefused(service, service, args, message);
  });

  it('When run with --dry-run, then the full plan is printed (files and patches) and nothing is written', () => {
    const before = readTree(service);
    const { status, json } = plop(['endpoint', 'orders', 'customer:ref(customers) status:enum(pending|paid) total:decimal', '--dry-run']);
    expect(status).toBe(0);
    expect(json.status).toBe('planned');
    const routes = json.plan?.find((p) => p.path.endsWith('src/backend/api/routes.ts'));
    expect(routes?.kind).toBe('modify');
    expect(routes?.added).toContain("  router.use('/orders', createOrdersRouter(services.orders, log));");
    expect(json.plan?.find((p) => p.path.endsWith('customers.prisma'))?.added).toEqual(['  orders Order[]']);
    expect(json.files_changed.some((p) => p.endsWith('src/backend/services/orders/orders.service.ts'))).toBe(true);
    expect(readTree(service)).toEqual(before);
  });

  it('When the 3rd write fails, then every change is rolled back and git status is clean', () => {
    const { status, json } = plop(['endpoint', 'payments', 'amount:decimal'], { SCAFFOLD_FAIL_AT_WRITE: '3' });
    expect(status).not.toBe(0);
    expect(json.status).toBe('failed');
    expect(json.errors[0]).toMatch(/Injected failure at write 3/);
    expect(clean()).toBe('');
  });

  it('When generated then destroyed, then git status is clean; the same command twice is refused', () => {
    const first = plop(['endpoint', 'payments', 'amount:decimal ref:uuid!=uuid', '--req=REQ-1']);
    expect(first.status, JSON.stringify(first.json)).toBe(0);
    expect(first.json.status).toBe('ok');
    expect(readFileSync(join(service, 'BACKEND-LOG.md'), 'utf8')).toMatch(/endpoint payments[\s\S]*Core vs adapters/);
    expect(JSON.parse(readFileSync(join(service, 'traceability_matrix.json'), 'utf8'))['REQ-1']).toContain('src/backend/services/payments/payments.service.ts');
    const again = plop(['endpoint', 'payments', 'amount:decimal ref:uuid!=uuid']);
    expect(again.status).not.toBe(0);
    expect(again.json.errors[0]).toMatch(/collides|already exists/);
    const undo = plop(['destroy', 'payments']);
    expect(undo.json.status).toBe('ok');
    expect(clean()).toBe('');
  });

  it('When the module\'s migration is committed, then destroy keeps it and adds a drop-table migration', () => {
    expect(plop(['endpoint', 'shipments', 'code:string! state:enum(open|done)']).json.status).toBe('ok');
    git('add', '-A');
    git('commit', '-qm', 'shipments');
    // Without a terminal, dropping a committed table needs explicit consent: refused (exit 2), nothing written.
    const before = readTree(service);
    const refused = plop(['destroy', 'shipments']);
    expect(refused.status).toBe(2);
    expect(refused.json.status).toBe('refused');
    expect(refused.json.errors.join('')).toMatch(/deletes data[\s\S]*_drop_shipments\/migration\.sql[\s\S]*--confirm-data-loss/);
    expect(readTree(service)).toEqual(before);
    // A dry run writes nothing, so it needs no consent.
    expect(plop(['destroy', 'shipments', '--dry-run']).json.status).toBe('planned');
    const undo = plop(['destroy', 'shipments', '--confirm-data-loss']);
    expect(undo.json.status).toBe('ok');
    const migrations = readdirSync(join(service, 'prisma/migrations'));
    expect(migrations.some((m) => m.endsWith('_create_shipments'))).toBe(true);
    const drop = migrations.find((m) => m.endsWith('_drop_shipments')) ?? '';
    expect(readFileSync(join(service, 'prisma/migrations', drop, 'migration.sql'), 'utf8')).toBe(
      '-- DropTable\nDROP TABLE "shipments";\n\n-- DropEnum\nDROP TYPE "ShipmentState";\n',
    );
    expect(existsSync(join(service, 'src/backend/services/shipments'))).toBe(false);
    expect(readFileSync(join(service, 'BACKEND-LOG.md'), 'utf8')).toMatch(/destroy shipments/);
  });
});
