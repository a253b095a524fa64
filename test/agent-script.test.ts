import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plopJson, type GeneratorResult } from './support/agent.js';
import { bin, REPO_ROOT, run } from './support/workspace.js';

// Issue #4, must-show 1: a script with no TTY builds services and modules step by step, parses
// every step's JSON. Issue #9, item 2: after every generator step of the shop scenario the whole
// `npm run -s check -- --json` (lint, layout, duplication, typecheck, tests, runtime: the service
// boots and every `__http__/*.http` request answers) reports `status: "passed"` — generated code
// meets every rule right after generation, refs included. One service is shared across the steps.
// The workspace root lives under <repo>/.tmp/ so packages resolve from the root node_modules.
/** One full check of a service: six gates, the tests gate runs the service's own suite. */
const CHECK_TIMEOUT = 900_000;

describe('an agent script (no TTY): shop with customers, orders + ship; billing with payments', () => {
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
    // A whole service suite (embedded PostgreSQL tests included) may outlast run()'s 5 minutes on a busy machine.
    const vitest = spawnSync(bin('vitest'), ['run', ...tests], {
      cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: CHECK_TIMEOUT,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0);
    return vitest.stdout;
  };
  /** `npm run -s check -- --json` in the service, as an agent runs it after a step. */
  const checked = (service: string, after: string): void => {
    const out = spawnSync('npm', ['run', '-s', 'check', '--', '--json'], {
      cwd: join(root, service), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: CHECK_TIMEOUT,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    expect(out.stdout.trim(), `npm run check after ${after}: exit ${out.status ?? out.signal}\n${out.stderr}`).toMatch(/^\{/);
    const report = JSON.parse(out.stdout) as { status: string; errors: unknown[] };
    expect(report.errors, `npm run check after ${after}`).toEqual([]);
    expect(report.status).toBe('passed');
    expect(out.status).toBe(0);
  };
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
    root = mkdtempSync(join(REPO_ROOT, '.tmp', 'agent-'));
    writeFileSync(join(root, 'package.json'), '{\n  "name": "agent-workspace",\n  "private": true,\n  "workspaces": []\n}\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('When the shop service gets customers, orders (a ref) and the ship use case, then every step answers ok and npm run check passes after each', () => {
    step(['service', 'shop']);
    checked('shop', 'service shop');
    const shop = ['--dest', join(root, 'shop')];
    // --dest is read by plop from the last occurrence: the service folder, not the workspace root.
    step([...shop, 'endpoint', 'customers', 'name:string email:string!']);
    checked('shop', 'endpoint customers');
    const orders = step([...shop, 'endpoint', 'orders', 'customer:ref(customers) status:enum(pending|paid|shipped) total:decimal meta:json?']);
    expect(orders.files_changed.some((f) => f.endsWith('shop/src/backend/db/customers/customers.prisma'))).toBe(true);
    checked('shop', 'endpoint orders (customer:ref(customers))');
    const ship = step([...shop, 'usecase', 'orders', 'ship']);
    expect(ship.next_action).toBe('npm run typecheck && npx vitest run orders');
    checked('shop', 'usecase orders ship');
    const manifest = JSON.parse(readFileSync(join(root, 'shop/scaffold.json'), 'utf8')) as { modules: { name: string; usecases?: string[] }[] };
    expect(manifest.modules.map((m) => [m.name, m.usecases ?? []])).toEqual([['customers', []], ['orders', ['ship']]]);
  }, 5 * CHECK_TIMEOUT);

  it('When a billing service is created with one module, then it is a workspace and its whole suite (core, health, payments) is green', () => {
    step(['service', 'billing']);
    expect((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces).toEqual(['shop', 'billing']);
    step(['--dest', join(root, 'billing'), 'endpoint', 'payments', 'amount:decimal reference:string!']);
    const out = green('billing', []);
    expect(out).toMatch(/payments/);
    expect(out).toMatch(/health\.test\.ts/);
  }, CHECK_TIMEOUT);
});
