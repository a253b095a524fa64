import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../checks/run.js';
import { runEndpoint } from '../../generators/endpoint/index.js';
import { REPO_ROOT, bin, copyService, removeCopy, run } from '../support/workspace.js';

// The slow gates on a copy of the example service: the runtime check really boots the service and
// sends every request; R9 reads git; a freshly generated module passes every gate.
const SLOW = 600_000;

describe('runtime gate (R4)', () => {
  let svc: string;
  beforeAll(() => {
    svc = copyService();
    const gen = run('node', ['scripts/prisma-generate.mjs'], svc);
    expect(gen.status, gen.stderr).toBe(0);
  });
  afterAll(() => removeCopy(svc));

  it('When the service is intact, then it boots, answers every request of __http__/ and stops cleanly', async () => {
    const { report } = await runChecks({ target: svc, json: true, gates: ['runtime'] });
    expect(report.errors).toEqual([]);
  }, SLOW);

  it('When a route is broken, then the runtime check fails with R4 at the request that failed', async () => {
    const routes = join(svc, 'src/backend/api/routes.ts');
    const saved = readFileSync(routes, 'utf8');
    writeFileSync(routes, saved.replace("router.use('/invoices',", "router.use('/invoices-moved',"));
    try {
      const { report } = await runChecks({ target: svc, json: true, gates: ['runtime'] });
      expect(report.status).toBe('failed');
      const failures = report.errors.filter((e) => e.rule === 'R4');
      expect(failures.map((e) => e.file)).toContain('__http__/invoices.http');
      expect(failures.find((e) => e.file === '__http__/invoices.http')?.message).toMatch(/answered 404/);
      expect(failures.every((e) => e.file !== '__http__/customers.http')).toBe(true);
    } finally {
      writeFileSync(routes, saved);
    }
  }, SLOW);

  it('When a file sorting before auth.http refs its login, or asserts its own status, then only a failed assertion is an error', async () => {
    const extra = join(svc, '__http__/aaa-refs.http');
    writeFileSync(extra, [
      '# @import ./auth.http', '@baseUrl = http://localhost:3000', '',
      '### Me, signed in through auth.http', '# @ref login', 'GET {{baseUrl}}/auth/me', 'Authorization: Bearer {{login.accessToken}}', '',
      '### A refusal shown on purpose', 'GET {{baseUrl}}/no-such-route', '', '?? status == 404', '',
      '### A wrong expectation', 'GET {{baseUrl}}/no-such-route-either', '', '?? status == 200', '',
    ].join('\n'));
    try {
      const { report } = await runChecks({ target: svc, json: true, gates: ['runtime'] });
      expect(report.errors.map((e) => [e.file, e.message.replace(/: .*/, '')])).toEqual([
        ['__http__/aaa-refs.http', 'request "A wrong expectation" answered 404 Not Found'],
        ['__http__/aaa-refs.http', 'request "A wrong expectation" failed its assertions'],
      ]);
    } finally {
      rmSync(extra);
    }
  }, SLOW);
});

describe('side effects of a generator run (R9)', () => {
  let svc: string;
  const git = (...args: string[]) => run('git', ['-c', 'user.email=check@example.test', '-c', 'user.name=check', ...args], svc);
  beforeAll(() => {
    svc = copyService();
    expect(git('init', '-q').status).toBe(0);
    expect(git('add', '-A').status).toBe(0);
    expect(git('commit', '-qm', 'baseline').status).toBe(0);
  });
  afterAll(() => removeCopy(svc));

  it('When a generator run (scaffold.json changed) also changes .env and the config schema, then R9 fails on each', async () => {
    const manifest = join(svc, 'scaffold.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"modules": [', '"modules": [ '));
    writeFileSync(join(svc, '.env'), 'PORT=4000\n');
    const config = join(svc, 'src/config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace('.default(3000)', '.default(4000)'));
    const { report } = await runChecks({ target: svc, json: true, gates: ['layout'] });
    const r9 = report.errors.filter((e) => e.rule === 'R9').map((e) => e.file).sort();
    expect(r9).toEqual(['.env', 'src/config.ts']);
    expect(report.files_changed).toEqual(expect.arrayContaining(['.env', 'scaffold.json', 'src/config.ts']));
  });

  it('When no generator ran (scaffold.json unchanged), then a config change is not R9', async () => {
    expect(git('checkout', '-q', '--', 'scaffold.json').status).toBe(0);
    const { report } = await runChecks({ target: svc, json: true, gates: ['layout'] });
    expect(report.errors).toEqual([]);
  });
});

describe('npm run check after npx plop endpoint (generated code meets every rule)', () => {
  let svc: string;
  beforeAll(() => {
    svc = copyService();
  });
  afterAll(() => removeCopy(svc));

  // The tests gate is skipped here: the service's own suite reads files outside the service (the
  // repository README) and is run on the real example service by `npm run check`; the new module's
  // tests run in test/endpoint-cli.test.ts.
  it('When a module is generated, then lint, layout, duplication, typecheck and runtime pass: exit 0, the four JSON keys', () => {
    const plop = run('npx', ['plop', '--dest', svc, 'endpoint', 'orders', 'customerEmail:string total:decimal shipped:boolean note:text?']);
    expect(plop.status, plop.stdout + plop.stderr).toBe(0);
    const out = spawnSync(bin('tsx'), [join(REPO_ROOT, 'checks/run.ts'), svc, '--json', '--skip', 'tests'], { encoding: 'utf8', timeout: SLOW });
    const report = JSON.parse(out.stdout) as { status: string; errors: unknown[]; files_changed: unknown[]; next_action: string };
    expect(Object.keys(report).sort()).toEqual(['errors', 'files_changed', 'next_action', 'status']);
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('passed');
    expect(out.status).toBe(0);
  }, SLOW);
});

describe('duplication gate on a service with many look-alike modules (R7)', () => {
  let svc: string;
  beforeAll(() => {
    svc = copyService();
  });
  afterAll(() => removeCopy(svc));

  // Generated modules share their templates' shape; however many a service has, that is not a clone
  // to report, nor a share of duplicated lines to hold against a threshold.
  it('When eight more one-field modules are generated, then the duplication gate still passes', async () => {
    for (const [i, name] of ['widgets', 'gadgets', 'gizmos', 'doohickeys', 'sprockets', 'cogs', 'levers', 'pulleys'].entries()) {
      runEndpoint({ serviceDir: svc, name, fields: 'label:string', now: new Date(Date.UTC(2030, 0, 1, 0, i)) }, { generateClient: false });
    }
    const { report } = await runChecks({ target: svc, json: true, gates: ['duplication'] });
    expect(report.errors).toEqual([]);
  }, SLOW);
});
