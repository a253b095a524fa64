import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDestroy, planEndpoint, runEndpoint } from '../generators/endpoint/index.js';
import { GeneratorInputError } from '../generators/errors.js';
import { planField } from '../generators/field/plan.js';
import { planUsecase } from '../generators/usecase/plan.js';
import { contentOf } from './support/changes.js';
import { bin, copyService, readTree, removeCopy, run } from './support/workspace.js';

// Nested resources: `--parent=<module>` and `--on-delete=cascade|restrict` on `npx plop endpoint`.
describe('endpoint --parent (on a copy of the example service)', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
  });
  afterAll(() => removeCopy(service));
  const plan = (name: string, fields: string, extra: object = {}): ReturnType<typeof planEndpoint> =>
    planEndpoint({ serviceDir: service, name, fields, now: new Date('2030-02-01T00:00:00Z'), ...extra });

  it('When a module nests under a keyed parent with --on-delete=cascade, then its routes, foreign key and record say so', () => {
    const { changes, record } = plan('parcelNotes', 'delivery:ref(deliveries) slug:string! text:string', { parent: 'deliveries', key: 'slug', onDelete: 'cascade' });
    expect(record).toMatchObject({ parent: 'deliveries', onDelete: 'cascade', key: 'slug' });
    expect(contentOf(changes, 'parcelNotes.prisma')).toContain('delivery Delivery @relation(fields: [deliveryId], references: [id], onDelete: Cascade)');
    expect(contentOf(changes, 'migration.sql')).toContain('REFERENCES "deliveries"("id") ON DELETE CASCADE');
    expect(contentOf(changes, 'src/backend/api/routes.ts')).toContain(
      "router.use('/deliveries/:deliveryTrackingCode/parcel-notes', createParcelNotesRouter(services.parcelNotes, (key: string) => services.deliveries.idOf(key), log));",
    );
    const schemas = contentOf(changes, 'parcelNotes.schemas.ts');
    expect(schemas).toContain('deliveryTrackingCode: deliveryIdParams.shape.trackingCode,');
    expect(schemas).not.toMatch(/^ {2}deliveryId:/m);
    expect(schemas).toContain("path: '/deliveries/{deliveryTrackingCode}/parcel-notes',");
    expect(contentOf(changes, 'scaffold.json')).toContain('"parent": "deliveries",\n      "onDelete": "cascade",');
  });

  it('When a module nests under a parent addressed by id without --on-delete, then the foreign key restricts and the record has no onDelete', () => {
    const { changes, record } = plan('invoiceRemarks', 'invoice:ref(invoices) body:text', { parent: 'invoices' });
    expect(record.parent).toBe('invoices');
    expect(record.onDelete).toBeUndefined();
    expect(contentOf(changes, 'migration.sql')).toContain('REFERENCES "invoices"("id") ON DELETE RESTRICT');
    expect(contentOf(changes, 'src/backend/api/routes.ts')).toContain("router.use('/invoices/:invoiceId/invoice-remarks', createInvoiceRemarksRouter(services.invoiceRemarks, async (id: number) => (await services.invoices.get(id)).id, log));");
  });

  it.each([
    ['the module has no required ref to the parent', 'body:text', { parent: 'invoices' }, /add "invoice:ref\(invoices\)" to its fields/],
    ['the ref to the parent is optional', 'invoice:ref(invoices)? body:text', { parent: 'invoices' }, /add "invoice:ref\(invoices\)"/],
    ['the parent is not in the service', 'invoice:ref(invoices) body:text', { parent: 'ledgers' }, /--parent=ledgers: no module "ledgers"/],
    ['--on-delete has another value', 'invoice:ref(invoices) body:text', { parent: 'invoices', onDelete: 'nullify' }, /--on-delete=nullify: write --on-delete=cascade or --on-delete=restrict/],
    ['the parent has --auth', 'note:ref(notes) body:text', { parent: 'notes' }, /cannot be combined with a parent with --auth or an owner field \("notes"\)/],
    ['the parent ref is the only field', 'invoice:ref(invoices)', { parent: 'invoices' }, /needs a field besides "invoice:ref\(invoices\)"/],
    ['the parent is itself nested', 'invoiceLine:ref(invoiceLines) body:text', { parent: 'invoiceLines' }, /a parent that is itself nested \("invoiceLines" is under "invoices"\)/],
  ])('When %s, then the plan refuses naming it', (_case, fields, extra, message) => {
    expect(() => plan('remarks', fields, extra)).toThrow(GeneratorInputError);
    expect(() => plan('remarks', fields, extra)).toThrow(message);
  });

  it.each([
    ['a module nested under itself', ['remarks', 'remark:ref(invoices) body:text', '--parent=remarks'], /--parent=remarks: a module cannot be nested under itself/],
    ['--on-delete without --parent', ['remarks', 'invoice:ref(invoices) body:text', '--on-delete=cascade'], /--on-delete needs --parent=<module>/],
    ['no ref to the parent', ['remarks', 'body:text', '--parent=invoices'], /add "invoice:ref\(invoices\)" to its fields/],
  ])('When the command line asks for %s, then exit 2, the message, and nothing written', (_case, args, message) => {
    const before = readTree(service);
    const result = run('npx', ['plop', '--dest', service, 'endpoint', ...args, '--json']);
    expect(result.status, result.stdout + result.stderr).toBe(2);
    expect((JSON.parse(result.stdout) as { errors: string[] }).errors.join('\n')).toMatch(message);
    expect(readTree(service)).toEqual(before);
  });

  it('When a field is added to a nested module, then its files keep the nesting', () => {
    const { changes } = planField({ serviceDir: service, module: 'invoiceLines', add: 'discount:decimal?', now: new Date('2030-02-02T00:00:00Z') });
    expect(contentOf(changes, 'invoiceLines.schemas.ts')).toContain('discount: decimalString.nullable().optional(),');
    expect(contentOf(changes, 'invoiceLines.schemas.ts')).not.toMatch(/^ {2}invoiceId: z/m);
    const http = contentOf(changes, '__http__/invoiceLines.http');
    expect(http).toContain('POST {{baseUrl}}/invoices/{{parentInvoice.id}}/invoice-lines');
    expect(http).toContain('"discount": ');
    expect(http).not.toContain('"invoiceId": ');
  });

  it('When the parent ref of a nested module is removed, then the field generator refuses naming the ref to keep', () => {
    expect(() => planField({ serviceDir: service, module: 'invoiceLines', remove: 'invoice' })).toThrow(/add "invoice:ref\(invoices\)" to its fields/);
  });

  it('When a use case is asked for a nested module, then the generator refuses', () => {
    expect(() => planUsecase({ serviceDir: service, module: 'invoiceLines', name: 'approve' })).toThrow(/nested under "invoices" \(--parent\): use cases on a nested module are not supported/);
  });

  it('When a nested module needs a role (--auth=<role>) and links rows, then its routes sign in first, it typechecks and its tests pass', () => {
    runEndpoint({ serviceDir: service, name: 'invoiceMemos', fields: 'invoice:ref(invoices) text:string tags:refs(labels)', parent: 'invoices', auth: 'auditor', filters: true, now: new Date('2030-02-04T00:00:00Z') });
    const router = readFileSync(join(service, 'src/backend/api/invoiceMemos/invoiceMemos.router.ts'), 'utf8');
    expect(router).toContain("  router.use(requireActor(auth, { role: 'auditor', scope: 'INVOICE_MEMO' }));\n  router.post('/'");
    expect(readFileSync(join(service, 'src/backend/api/routes.ts'), 'utf8')).toMatch(/router\.use\('\/invoices\/:invoiceId\/invoice-memos', createInvoiceMemosRouter\(services\.invoiceMemos, .*, log, services\.auth\)\);/);
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);
    const tests = run(bin('vitest'), ['run', '--reporter=verbose', 'src/backend/api/invoiceMemos', 'src/backend/services/invoiceMemos', 'src/backend/db/invoiceMemos'], service);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/When a request has no bearer token, then 401 AUTH.UNAUTHENTICATED, before the invoice is looked up/);
    expect(tests.stdout).toMatch(/When the signed-in user lacks the auditor role, then 403 INVOICE_MEMO.FORBIDDEN/);
    expect(tests.stdout).toMatch(/When the list is filtered by tags, then 200 with only the rows linking every id given/);
  });

  it('When the parent of a nested module is destroyed, then the destroy generator refuses until the child is gone', () => {
    runEndpoint({ serviceDir: service, name: 'referralNotes', fields: 'referral:ref(referrals) body:text', parent: 'referrals', onDelete: 'cascade', now: new Date('2030-02-03T00:00:00Z') }, { generateClient: false });
    expect(readFileSync(join(service, 'src/backend/api/routes.ts'), 'utf8')).toContain("router.use('/referrals/:referralCode/referral-notes'");
    expect(() => planDestroy({ serviceDir: service, name: 'referrals' })).toThrow(/referenced \(ref or refs\) by referralNotes: destroy those first/);
    expect(planDestroy({ serviceDir: service, name: 'referralNotes' }).length).toBeGreaterThan(0);
  });
});
