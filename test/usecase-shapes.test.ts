import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regenerateService } from '../generators/regenerate.js';
import { expectRefused, plopJson } from './support/agent.js';
import { bin, copyService, readTree, REPO_ROOT, removeCopy, run } from './support/workspace.js';

const SLOW = 900_000;

/** The shapes added below: every method, both scopes, body and query, the three kinds of response. */
const SHAPES: [string, string, string[]][] = [
  ['invoices', 'settle', ['--method=PUT', '--body=paidAt:datetime note:text?']],
  ['invoices', 'overdue', ['--method=get', '--scope=collection', '--query=dueBefore:datetime? paid:boolean=false']],
  ['invoices', 'archive', ['--method=DELETE']],
  ['invoices', 'history', ['--method=GET', '--returns=list', '--query=since:int=5']],
  ['invoices', 'recalc', ['--scope=collection', '--returns=none', '--body=amount:decimal=1.5 kind:enum(a|b)? meta:json']],
  // customers has no decimal field: its schemas file gains the decimalString import with this body.
  ['customers', 'rename', ['--method=PATCH', '--body=name:string credit:decimal?']],
  ['customers', 'lookup', ['--method=GET', '--scope=collection', '--query=name:string']],
];

// `npx plop usecase <module> <name> --method= --scope= --body= --query= --returns=` and
// `npx plop destroy <module> --usecase=<name>` on a copy of the example service, driven as an agent
// drives them (no TTY, --json), then the service's own gates: typecheck, the modules' tests, and
// `npm run check` (lint, layout, duplication, typecheck, runtime: every .http request answered).
describe('use cases of any shape', () => {
  let service: string;
  let original: Record<string, string>;
  const plop = (args: string[]) => plopJson(service, args);
  const read = (path: string): string => readFileSync(join(service, path), 'utf8');
  beforeAll(() => {
    service = copyService();
    original = readTree(service);
  });
  afterAll(() => removeCopy(service));

  it.each([
    ['an unknown method', ['usecase', 'invoices', 'fetch', '--method=FETCH'], /--method "FETCH" is invalid: use one of GET, POST, PUT, PATCH, DELETE/],
    ['the space form of a flag', ['usecase', 'invoices', 'fetch', '--method', 'GET'], /Write --method=<value>/],
    ['a body on GET', ['usecase', 'invoices', 'fetch', '--method=GET', '--body=a:int'], /--body is not allowed with GET/],
    ['a collection answering one row', ['usecase', 'invoices', 'fetch', '--scope=collection', '--returns=entity'], /collection use case answers a page/],
    ['a unique input', ['usecase', 'invoices', 'fetch', '--body=code:string!'], /! \(unique\) applies to stored fields/],
    ['json in a query', ['usecase', 'invoices', 'fetch', '--method=GET', '--query=m:json'], /json values cannot travel in a query string/],
    ['limit in a query', ['usecase', 'invoices', 'fetch', '--method=GET', '--scope=collection', '--query=limit:int'], /limit and offset come with --returns list/],
    ['a clock default', ['usecase', 'invoices', 'fetch', '--body=at:datetime=now'], /literal defaults only/],
    ['a malformed spec', ['usecase', 'invoices', 'fetch', '--body=a'], /Field "a" is malformed/],
    ['removing an unknown use case', ['destroy', 'invoices', '--usecase=nope'], /has no use case "nope" recorded in scaffold.json \(known: /],
  ])('When refused (%s), then exit 2, JSON names the problem, nothing changes', (_label, args, message) => {
    expectRefused(service, service, args, message);
  });

  it('When every shape is added, then routes, schemas, OpenAPI actions, .http and records follow the shape; collection routes come before /:id', () => {
    const dry = plop(['usecase', 'invoices', 'overdue', '--method=GET', '--scope=collection', '--dry-run']);
    expect(dry.json.status).toBe('planned');
    expect(dry.json.plan?.find((p) => p.path.endsWith('invoices.router.ts'))?.added.join('\n')).toContain("router.get('/overdue'");
    expect(readTree(service)).toEqual(original);
    for (const [module, name, flags] of SHAPES) {
      const { status, json } = plop(['usecase', module, name, ...flags, '--req=REQ-12']);
      expect(json.errors, `${module} ${name}`).toEqual([]);
      expect(status).toBe(0);
    }
    const router = read('src/backend/api/invoices/invoices.router.ts');
    expect(router.indexOf("router.get('/overdue'")).toBeGreaterThan(0);
    expect(router.indexOf("router.get('/overdue'")).toBeLessThan(router.indexOf("router.get('/:id'"));
    expect(router).toContain("router.put('/:id/settle', route(fn('settle'), { params: invoiceIdParams, body: invoiceSettleBody }, async ({ params, body }, res) => {");
    expect(router).toMatch(/router\.delete\('\/:id\/archive'[^\n]*\n\s+await service\.archive\(params\.id\);\n\s+res\.status\(204\)\.end\(\);/);
    expect(router).toMatch(/const \{ limit, offset, \.\.\.filter \} = query;\n\s+res\.json\(await service\.overdue\(\{ limit, offset \}, filter\)\);/);
    const schemas = read('src/backend/api/invoices/invoices.schemas.ts');
    expect(schemas).toContain('export const invoiceOverdueQuery = pageQuery.extend({');
    expect(schemas).toContain("paid: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),");
    expect(schemas).toContain("{ name: 'overdue', method: 'get', scope: 'collection', query: invoiceOverdueQuery, returns: 'list' },");
    const core = read('src/backend/services/invoices/invoices.service.ts');
    expect(core).toContain('export interface InvoiceSettleInput {\n  paidAt: Date;\n  note?: string | null;\n}');
    expect(core).toContain('settle(id: number, input: InvoiceSettleInput): Promise<Invoice>;');
    expect(core).toContain('overdue(page: PageRequest, query: InvoiceOverdueQuery): Promise<Page<Invoice>>;');
    expect(read('__http__/invoices.http')).toContain('### Overdue invoices\nGET {{baseUrl}}/invoices/overdue?dueBefore=2026-01-31T12%3A00%3A00.000Z&paid=true\n');
    const manifest = JSON.parse(read('scaffold.json')) as { modules: { name: string; usecases?: unknown[] }[] };
    expect(manifest.modules.find((m) => m.name === 'invoices')?.usecases?.find((u) => (u as { name?: string }).name === 'overdue')).toEqual({
      name: 'overdue', method: 'GET', scope: 'collection', query: 'dueBefore:datetime? paid:boolean=false', returns: 'list',
    });
    expect(read('BACKEND-LOG.md')).toContain('<!-- scaffold-run: usecase invoices overdue -->');
    expect((JSON.parse(read('traceability_matrix.json')) as Record<string, string[]>)['REQ-12']).toEqual(
      expect.arrayContaining(['src/backend/services/invoices/invoices.service.ts', 'src/backend/api/customers/customers.router.ts', 'scaffold.json']),
    );
  });

  it('When the service with every shape is checked, then it typechecks, its tests pin each shape, and npm run check passes (every .http request answered)', () => {
    expect(run(process.execPath, ['scripts/prisma-generate.mjs'], service).status).toBe(0);
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);
    const tests = run(bin('vitest'), ['run', '--reporter=verbose', 'src/backend/services', 'src/backend/api/invoices', 'src/backend/api/customers', 'test/reliability/openapi-and-properties.test.ts'], service);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    for (const title of ['GET /invoices/overdue', 'DELETE /invoices/:id/archive', 'PUT /invoices/:id/settle', 'GET /invoices/:id/history', 'POST /invoices/recalc', 'PATCH /customers/:id/rename']) {
      expect(tests.stdout).toContain(title);
    }
    expect(tests.stdout).toMatch(/When archive runs, then it answers nothing and the invoice is unchanged/);
    const check = spawnSync(bin('tsx'), [join(REPO_ROOT, 'checks/run.ts'), service, '--json', '--skip', 'tests'], { encoding: 'utf8', timeout: SLOW });
    const report = JSON.parse(check.stdout) as { status: string; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('passed');
    expect(check.status).toBe(0);
  }, SLOW);

  it('When the service is regenerated, then every shape is reproduced byte for byte', () => {
    const before = readTree(service);
    expect(regenerateService(service)).toEqual([]);
    expect(readTree(service)).toEqual(before);
  });

  it('When a use case edited by hand is removed, then it is refused naming the file unless --force; the others go cleanly and the module is as before', () => {
    const unchanged = readTree(service);
    const dry = plop(['destroy', 'invoices', '--usecase=settle', '--dry-run']);
    expect(dry.json.status).toBe('planned');
    expect(dry.json.plan?.find((p) => p.path.endsWith('invoices.router.ts'))?.added).toEqual([]);
    expect(readTree(service)).toEqual(unchanged);
    const path = 'src/backend/services/invoices/invoices.service.ts';
    writeFileSync(join(service, path), read(path).replace('\n      // #endregion hand-written usecase:archive', '\n      await repo.delete(id);\n      // #endregion hand-written usecase:archive'));
    expectRefused(service, service, ['destroy', 'invoices', '--usecase=archive'], /invoices\.service\.ts: the code of use case "archive" was edited by hand/);
    const forced = plop(['destroy', 'invoices', '--usecase=archive', '--force']);
    expect(forced.json.errors).toEqual([]);
    expect(read(path)).not.toContain('archive');
    for (const [module, name] of SHAPES.filter(([, n]) => n !== 'archive')) {
      const { status, json } = plop(['destroy', module, `--usecase=${name}`]);
      expect(json.errors, name).toEqual([]);
      expect(status).toBe(0);
    }
    const after = readTree(service);
    for (const file of Object.keys(original)) expect(after[file], file).toBe(original[file]);
    // Never committed: their runs leave no trace in the change log.
    expect(existsSync(join(service, 'BACKEND-LOG.md'))).toBe(false);
  });

  it('When a module with a shaped use case is destroyed, then its files go (compared with a rendering that includes the shape)', () => {
    expect(plop(['usecase', 'customers', 'ping', '--scope=collection', '--returns=none']).json.status).toBe('ok');
    // referrals refers to customers: it goes first.
    expect(plop(['destroy', 'referrals']).json.errors).toEqual([]);
    const { status, json } = plop(['destroy', 'customers']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(Object.keys(readTree(service)).filter((p) => p.includes('customers'))).toEqual([]);
  });
});
