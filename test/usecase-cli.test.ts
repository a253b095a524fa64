import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regenerateService } from '../generators/regenerate.js';
import { expectRefused, plopJson } from './support/agent.js';
import { bin, copyService, readTree, removeCopy, run } from './support/workspace.js';

// `npx plop usecase <module> <name>` on a copy of the example service, driven as an agent drives it.
describe('npx plop usecase', () => {
  let service: string;
  const plop = (args: string[]) => plopJson(service, args);
  const read = (path: string): string => readFileSync(join(service, path), 'utf8');
  let logBefore: string | undefined;
  beforeAll(() => {
    service = copyService();
    logBefore = existsSync(join(service, 'BACKEND-LOG.md')) ? read('BACKEND-LOG.md') : undefined;
  });
  afterAll(() => removeCopy(service));

  it.each([
    ['a CRUD name', ['usecase', 'invoices', 'update'], /"update" is a CRUD operation/],
    ['a reserved word', ['usecase', 'invoices', 'constructor'], /reserved/],
    ['a bad pattern', ['usecase', 'invoices', 'mark-paid'], /Use case name "mark-paid" is invalid/],
    ['an unknown module', ['usecase', 'payments', 'refund'], /Module "payments" is not recorded in scaffold.json/],
    ['a bad module name', ['usecase', '../x', 'refund'], /Module name "\.\.\/x" is invalid/],
    ['a missing name', ['usecase', 'invoices'], /Missing "name" and no terminal.*e\.g\. npx plop usecase invoices markPaid\./],
  ])('When refused (%s), then exit non-zero, JSON names the problem, nothing changes', (_label, args, message) => {
    expectRefused(service, service, args, message);
  });

  it('When --dry-run, then the plan lists every patch and nothing is written', () => {
    const before = readTree(service);
    const { status, json } = plop(['usecase', 'invoices', 'markPaid', '--dry-run']);
    expect(status).toBe(0);
    expect(json.status).toBe('planned');
    const router = json.plan?.find((p) => p.path.endsWith('invoices.router.ts'));
    expect(router?.added.join('\n')).toContain("router.post('/:id/mark-paid'");
    expect(readTree(service)).toEqual(before);
  });

  it('When invoices markPaid is added, then service, tests, route, OpenAPI action, .http, manifest and log are patched, and it typechecks and passes', () => {
    const { status, json } = plop(['usecase', 'invoices', 'markPaid', '--req=REQ-7']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(json.status).toBe('ok');
    expect(json.next_action).toBe('npm run typecheck && npx vitest run invoices');
    const service_ = read('src/backend/services/invoices/invoices.service.ts');
    expect(service_).toContain('markPaid(id: number): Promise<Invoice>;');
    expect(service_).toMatch(/markPaid: logged\(fn\('markPaid'\), async \(id: number\) => \{\n\s+\/\/ #region hand-written usecase:markPaid\n\s+const invoice = await repo\.findById\(id\);\n\s+if \(!invoice\) throw new InvoiceNotFoundError\(id\);\n\s+return invoice;/);
    expect(service_).not.toMatch(/TODO|FIXME|XXX/);
    expect(read('src/backend/services/invoices/invoices.service.test.ts')).toContain('await expect(service.markPaid(999)).rejects.toMatchObject({ code: \'INVOICE.NOT_FOUND\' });');
    expect(read('src/backend/api/invoices/invoices.router.test.ts')).toContain("describe('POST /invoices/:id/mark-paid'");
    expect(read('src/backend/api/invoices/invoices.schemas.ts')).toContain("    'mark-paid',\n    // scaffold:usecase-actions");
    expect(read('__http__/invoices.http')).toMatch(/### Mark paid an invoice\nPOST \{\{baseUrl\}\}\/invoices\/\{\{createdInvoice\.id\}\}\/mark-paid\n\n# scaffold:usecase-requests\n### Delete/);
    const manifest = JSON.parse(read('scaffold.json')) as { modules: { name: string; usecases?: string[] }[] };
    expect(manifest.modules.find((m) => m.name === 'invoices')?.usecases).toEqual(['markPaid']);
    expect(read('BACKEND-LOG.md')).toContain('<!-- scaffold-run: usecase invoices markPaid -->');
    expect((JSON.parse(read('traceability_matrix.json')) as Record<string, string[]>)['REQ-7']).toContain('src/backend/services/invoices/invoices.service.ts');

    expect(plop(['usecase', 'invoices', 'markPaid']).json.errors.join('')).toMatch(/already has the use case "markPaid"/);
    const generate = run(process.execPath, ['scripts/prisma-generate.mjs'], service);
    expect(generate.status, generate.stderr).toBe(0);
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);
    const tests = run(bin('vitest'), ['run', '--reporter=verbose', 'src/backend/services/invoices', 'src/backend/api/invoices'], service);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/When markPaid gets an unknown id, then it refuses with INVOICE\.NOT_FOUND/);
    expect(tests.stdout).toMatch(/POST \/invoices\/:id\/mark-paid/);
  });

  it('When the service is regenerated, then the use case is reproduced byte for byte', () => {
    const before = readTree(service);
    expect(regenerateService(service)).toEqual([]);
    expect(readTree(service)).toEqual(before);
  });

  it('When the module is destroyed, then its files (use case included) go, compared with a rendering that includes the use case', () => {
    // receipts (which holds a hand-written rule), deliveries and invoiceLines (nested under it)
    // reference invoices: they go first.
    expect(plop(['destroy', 'receipts', '--force']).json.errors).toEqual([]);
    expect(plop(['destroy', 'deliveries']).json.errors).toEqual([]);
    expect(plop(['destroy', 'invoiceLines']).json.errors).toEqual([]);
    const { status, json } = plop(['destroy', 'invoices']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(existsSync(join(service, 'src/backend/services/invoices'))).toBe(false);
    expect(existsSync(join(service, '__http__/invoices.http'))).toBe(false);
    // The module was never committed: its runs (endpoint and use case) leave no trace in the log.
    expect(existsSync(join(service, 'BACKEND-LOG.md')) ? read('BACKEND-LOG.md') : undefined).toBe(logBefore);
  });
});
