import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plopJson, type GeneratorResult } from './support/agent.js';
import { bin, REPO_ROOT, run } from './support/workspace.js';

// Issue #4, must-show 1: a script with no TTY builds services and modules step by step, parses
// every step's JSON, and proves typecheck and the affected modules' tests green after each group.
// The workspace root lives under <repo>/.tmp/ so packages resolve from the root node_modules.
describe('an agent script (no TTY): shop with customers, products, orders + ship; billing with payments', () => {
  let root: string;
  const step = (args: string[]): GeneratorResult => {
    const { status, json } = plopJson(root, args);
    expect(json.errors, args.join(' ')).toEqual([]);
    expect(json.status).toBe('ok');
    expect(status).toBe(0);
    return json;
  };
  const green = (service: string, tests: string[]): string => {
    const dir = join(root, service);
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], dir);
    expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);
    const vitest = run(bin('vitest'), ['run', ...tests], dir);
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0);
    return vitest.stdout;
  };
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
    root = mkdtempSync(join(REPO_ROOT, '.tmp', 'agent-'));
    writeFileSync(join(root, 'package.json'), '{\n  "name": "agent-workspace",\n  "private": true,\n  "workspaces": []\n}\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('When the shop service gets customers, products, orders and the ship use case, then every step answers ok and the modules are green', () => {
    step(['service', 'shop']);
    const shop = ['--dest', join(root, 'shop')];
    // --dest is read by plop from the last occurrence: the service folder, not the workspace root.
    step([...shop, 'endpoint', 'customers', 'name:string email:string!']);
    step([...shop, 'endpoint', 'products', 'name:string price:decimal']);
    const orders = step([...shop, 'endpoint', 'orders', 'customer:ref(customers) status:enum(pending|paid|shipped) total:decimal']);
    expect(orders.files_changed.some((f) => f.endsWith('shop/src/backend/db/customers/customers.prisma'))).toBe(true);
    const ship = step([...shop, 'usecase', 'orders', 'ship']);
    expect(ship.next_action).toBe('npm run typecheck && npx vitest run orders');
    const out = green('shop', ['--reporter=verbose', 'customers', 'products', 'orders']);
    expect(out).toMatch(/POST \/orders\/:id\/ship/);
    const manifest = JSON.parse(readFileSync(join(root, 'shop/scaffold.json'), 'utf8')) as { modules: { name: string; usecases?: string[] }[] };
    expect(manifest.modules.map((m) => [m.name, m.usecases ?? []])).toEqual([['customers', []], ['products', []], ['orders', ['ship']]]);
  });

  it('When a billing service is created with one module, then it is a workspace and its whole suite (core, health, payments) is green', () => {
    step(['service', 'billing']);
    expect((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces).toEqual(['shop', 'billing']);
    step(['--dest', join(root, 'billing'), 'endpoint', 'payments', 'amount:decimal reference:string!']);
    const out = green('billing', []);
    expect(out).toMatch(/payments/);
    expect(out).toMatch(/health\.test\.ts/);
  });
});
