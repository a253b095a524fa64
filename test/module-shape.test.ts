import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planEndpoint, runEndpoint } from '../generators/endpoint/index.js';
import { relationRegistrations } from '../generators/endpoint/view.js';
import { GeneratorInputError } from '../generators/errors.js';
import { planField } from '../generators/field/plan.js';
import { parseFields } from '../generators/fields.js';
import { applyAll } from '../generators/transaction.js';
import { renderUsecasePatches } from '../generators/usecase/render.js';
import { moduleNames } from '../generators/naming.js';
import { contentOf } from './support/changes.js';
import { copyService, readTree, removeCopy, run } from './support/workspace.js';

// Issue 11, items 1, 4 and 5: route keys (--key), several refs to one module (named relations) and
// composite unique indexes (--unique).
describe('named relations', () => {
  it('When a module has one ref to a module, then its relation keeps no name', () => {
    const [customer] = parseFields('customer:ref(customers)', 'Order');
    expect(customer?.prismaLines).toEqual(['customerId Int', 'customer Customer @relation(fields: [customerId], references: [id])']);
  });

  it('When a ref is unique, then it is one-to-one: a unique column and a singular, optional back-relation', () => {
    const fields = parseFields('customer:ref(customers)! bio:text', 'Profile');
    expect(fields[0]?.prismaLines[0]).toBe('customerId Int @unique');
    expect(fields[0]?.example).toBe('uniqueNumber()');
    expect(relationRegistrations(moduleNames('profiles'), fields)[0]?.lines).toEqual(['profile Profile?']);
  });

  it('When a module has two refs to one module, then each relation is named after the module and the field', () => {
    const fields = parseFields('referrer:ref(customers) referred:ref(customers)? note:text', 'Referral');
    expect(fields[0]?.prismaLines[1]).toBe('referrer Customer @relation("ReferralReferrer", fields: [referrerId], references: [id])');
    expect(fields[1]?.prismaLines[1]).toBe('referred Customer? @relation("ReferralReferred", fields: [referredId], references: [id])');
    expect(fields[1]?.ref?.onDelete).toBe('SET NULL');
  });
});

describe('use case roles under a module role', () => {
  it('When a module needs admin and its use case editor, then the generated test expects the module\'s refusal, which comes first', () => {
    const names = moduleNames('memos');
    const patches = renderUsecasePatches(names, parseFields('title:string', names.Entity), { name: 'approve', method: 'POST', scope: 'item', returns: 'entity', auth: 'editor' }, 'admin');
    const tests = patches.filter((p) => p.path.endsWith('memos.router.test.ts')).flatMap((p) => p.lines).join('\n');
    expect(tests).toContain("detail: expect.stringContaining('admin role')");
    expect(tests).not.toContain("stringContaining('editor role')");
  });
});

describe('endpoint with named relations, --unique and --key (planned on a copy of the example service)', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
  });
  afterAll(() => removeCopy(service));

  it('When two refs to customers and --unique over both are planned, then both models, the migration and the record hold them', () => {
    const plan = planEndpoint({ serviceDir: service, name: 'pairings', fields: 'left:ref(customers) right:ref(customers)', unique: 'left,right', now: new Date('2030-01-01T00:00:00Z') });
    const customers = contentOf(plan.changes, 'src/backend/db/customers/customers.prisma');
    expect(customers).toContain('  pairingsAsLeft Pairing[] @relation("PairingLeft")\n  pairingsAsRight Pairing[] @relation("PairingRight")\n  // scaffold:relations');
    expect(contentOf(plan.changes, 'src/backend/db/pairings/pairings.prisma')).toContain('  @@unique([leftId, rightId])\n  @@map("pairings")');
    expect(contentOf(plan.changes, 'migration.sql')).toContain('CREATE UNIQUE INDEX "pairings_leftId_rightId_key" ON "pairings"("leftId", "rightId");');
    expect(contentOf(plan.changes, 'src/backend/services/pairings/pairings.memory-repository.ts')).toContain("if (same(row, ['leftId', 'rightId'])) throw new PairingConflictError('leftId, rightId');");
    // The varying member's fixture differs on every call; the database test seeds a fresh row for it.
    expect(contentOf(plan.changes, 'src/backend/services/pairings/pairings.fixtures.ts')).toContain('leftId: uniqueNumber(),');
    expect(contentOf(plan.changes, 'src/backend/db/pairings/pairings.prisma-repository.test.ts')).toContain('leftId: await seedCustomer(db.prisma, log),');
    expect(plan.record).toMatchObject({ name: 'pairings', unique: 'left,right' });
  });

  it.each([
    ['left', /give two or more fields/],
    ['left,nope', /"nope" is not a field of "pairings"/],
    ['left,left', /names a field twice/],
    ['left,right right,left', /repeats another group/],
    ['left,meta', /"meta" is a json field/],
    ['flag,kind', /no member can differ from row to row/],
  ])('When --unique=%s is planned, then it is refused with a message', (unique, message) => {
    const request = { serviceDir: service, name: 'pairings', fields: 'left:ref(customers) right:ref(customers) meta:json flag:boolean kind:enum(a|b)', unique };
    expect(() => planEndpoint(request)).toThrow(GeneratorInputError);
    expect(() => planEndpoint(request)).toThrow(message);
  });

  it('When --unique is refused on the command line, then exit 2, the message, and nothing written', () => {
    const before = readTree(service);
    const result = run('npx', ['plop', '--dest', service, 'endpoint', 'pairings', 'flag:boolean kind:enum(a|b)', '--unique=flag,kind', '--json']);
    expect(result.status, result.stdout + result.stderr).toBe(2);
    expect((JSON.parse(result.stdout) as { errors: string[] }).errors.join('\n')).toMatch(/--unique=flag,kind: no member can differ/);
    expect(readTree(service)).toEqual(before);
  });

  it('When field adds a second ref to a module, then the first back-relation is renamed and the second added', () => {
    runEndpoint({ serviceDir: service, name: 'duos', fields: 'first:ref(invoices) label:string', unique: 'first,label', now: new Date('2030-01-02T00:00:00Z') }, { generateClient: false });
    expect(readFileSync(join(service, 'src/backend/db/invoices/invoices.prisma'), 'utf8')).toContain('  duos Duo[]\n');
    const plan = planField({ serviceDir: service, module: 'duos', add: 'second:ref(invoices)?', now: new Date('2030-01-03T00:00:00Z') });
    const invoices = contentOf(plan.changes, 'src/backend/db/invoices/invoices.prisma');
    expect(invoices).not.toMatch(/^ {2}duos Duo\[\]$/m);
    expect(invoices).toContain('  duosAsFirst Duo[] @relation("DuoFirst")\n  duosAsSecond Duo[] @relation("DuoSecond")\n  // scaffold:relations');
    expect(contentOf(plan.changes, 'src/backend/db/duos/duos.prisma')).toContain('first Invoice @relation("DuoFirst", fields: [firstId], references: [id])');
    applyAll(service, plan.changes);
    const back = planField({ serviceDir: service, module: 'duos', remove: 'second', now: new Date('2030-01-04T00:00:00Z') });
    expect(contentOf(back.changes, 'src/backend/db/invoices/invoices.prisma')).toMatch(/^ {2}duos Duo\[\]\n {2}\/\/ scaffold:relations$/m);
  });

  it('When field would remove a member of a composite unique, then it is refused', () => {
    expect(() => planField({ serviceDir: service, module: 'duos', remove: 'label' })).toThrow(/"label" is part of the unique index \(firstId, label\)/);
  });

  it('When --key names a unique string field, then the item routes, use cases, schemas, ports and .http use it', () => {
    const plan = planEndpoint({ serviceDir: service, name: 'articles', fields: 'slug:string! title:string', key: 'slug', now: new Date('2030-01-05T00:00:00Z') });
    const router = contentOf(plan.changes, 'src/backend/api/articles/articles.router.ts');
    expect(router).toContain("router.get('/:slug', route(fn('get'), { params: articleIdParams }, async ({ params }, res) => {\n    res.json(await service.get(await service.idOf(params.slug)));");
    expect(router).not.toContain('/:id');
    const schemas = contentOf(plan.changes, 'src/backend/api/articles/articles.schemas.ts');
    expect(schemas).toContain("export const articleIdParams = z.strictObject({\n  slug: storableString.min(1).max(255).regex(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/");
    expect(schemas).toContain('  item: articleIdParams,');
    expect(schemas).not.toMatch(/\bidParams\b/);
    expect(contentOf(plan.changes, 'src/backend/services/articles/articles.repository.ts')).toContain('findBySlug(slug: string): Promise<Article | null>;');
    expect(contentOf(plan.changes, 'src/backend/services/articles/articles.service.ts')).toContain('idOf(slug: string): Promise<number>;');
    const http = contentOf(plan.changes, '__http__/articles.http');
    expect(http).toContain('GET {{baseUrl}}/articles/{{createdArticle.slug}}');
    expect(http).toContain('DELETE {{baseUrl}}/articles/{{updatedArticle.slug}}');
    expect(plan.record).toMatchObject({ name: 'articles', key: 'slug' });
  });

  it.each([
    ['nope', /"nope" is not a field of "articles"/],
    ['title', /must be unique and required: write "title:string!"/],
    ['note', /must be unique and required/],
    ['rank', /a route key is a string or uuid field, not int/],
  ])('When --key=%s is planned, then it is refused with a message', (key, message) => {
    const request = { serviceDir: service, name: 'articles', fields: 'slug:string! title:string note:string!? rank:int!', key };
    expect(() => planEndpoint(request)).toThrow(GeneratorInputError);
    expect(() => planEndpoint(request)).toThrow(message);
  });

  it('When a module would take the OpenAPI schema name of auth (Tokens), then it is refused', () => {
    expect(() => planEndpoint({ serviceDir: service, name: 'tokens', fields: 'label:string' })).toThrow(/collides with auth \(Tokens\)/);
  });

  it('When field would remove the route key, then it is refused', () => {
    runEndpoint({ serviceDir: service, name: 'tags', fields: 'code:string! label:string', key: 'code', now: new Date('2030-01-06T00:00:00Z') }, { generateClient: false });
    expect(() => planField({ serviceDir: service, module: 'tags', remove: 'code' })).toThrow(/"code" is the route key of "tags"/);
  });

  it('When a module references a keyed module, then its .http file deletes the parent row by its key', () => {
    const plan = planEndpoint({ serviceDir: service, name: 'notesOnTags', fields: 'tag:ref(tags) body:text', now: new Date('2030-01-07T00:00:00Z') });
    expect(contentOf(plan.changes, '__http__/notesOnTags.http')).toContain('DELETE {{baseUrl}}/tags/{{parentTag.code}}');
  });
});
