import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrismaClient, planEndpoint, runEndpoint } from '../generators/endpoint/index.js';
import { planDestroy } from '../generators/endpoint/destroy.js';
import { GeneratorInputError } from '../generators/errors.js';
import { planField } from '../generators/field/plan.js';
import { applyAll } from '../generators/transaction.js';
import { contentOf } from './support/changes.js';
import { bin, copyService, readTree, removeCopy, run } from './support/workspace.js';

// Many-to-many links: `<name>:refs(<module>)` on `npx plop endpoint` and `npx plop field`.
describe('endpoint with a refs(<module>) field (on a copy of the example service)', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
    runEndpoint({ serviceDir: service, name: 'tags', fields: 'name:string! color:string?', now: new Date('2030-04-01T00:00:00Z') });
  });
  afterAll(() => removeCopy(service));
  const plan = (name: string, fields: string, extra: object = {}): ReturnType<typeof planEndpoint> =>
    planEndpoint({ serviceDir: service, name, fields, now: new Date('2030-04-02T00:00:00Z'), ...extra });

  it('When a module links another, then a join table with a composite key, an index and cascading keys holds the links', () => {
    const { changes } = plan('posts', 'title:string tags:refs(tags)');
    const prisma = contentOf(changes, 'db/posts/posts.prisma');
    expect(prisma).toContain('  tags PostTags[]\n');
    expect(prisma).toMatch(/model PostTags \{\n {2}postId Int\n {2}tagId Int\n {2}post Post @relation\(fields: \[postId\], references: \[id\], onDelete: Cascade\)\n {2}tag Tag @relation\(fields: \[tagId\], references: \[id\], onDelete: Cascade\)\n\n {2}@@id\(\[postId, tagId\]\)\n {2}@@index\(\[tagId\]\)\n {2}@@map\("post_tags"\)/);
    expect(contentOf(changes, 'db/tags/tags.prisma')).toContain('  postTags PostTags[]\n  // scaffold:relations');
    const sql = contentOf(changes, '_create_posts/migration.sql');
    expect(sql).not.toMatch(/"posts" \([^;]*"tags"/);
    expect(sql).toContain('CONSTRAINT "post_tags_pkey" PRIMARY KEY ("postId","tagId")');
    expect(sql).toContain('CREATE INDEX "post_tags_tagId_idx" ON "post_tags"("tagId");');
    expect(sql).toContain('FOREIGN KEY ("tagId") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;');
    expect(sql).toContain('FOREIGN KEY ("postId") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;');
    const schemas = contentOf(changes, 'posts.schemas.ts');
    expect(schemas).toContain('  tags: linkIds.optional(),');
    expect(schemas).toContain('  tags: linkIdsQuery.optional(),');
    expect(contentOf(changes, 'posts.entity.ts')).toContain('  tags: number[];');
    expect(contentOf(changes, '__http__/posts.http')).toContain('"tags": [{{parentTag.id}}]');
  });

  it('When a generated module links rows next to a ref, a secret, a slug key and --filters, then it typechecks and its tests pass', () => {
    runEndpoint({
      serviceDir: service, name: 'stories', fields: 'title:string slug:slug(title) tags:refs(tags) customer:ref(customers) pin:secret?', key: 'slug', filters: true, now: new Date('2030-04-03T00:00:00Z'),
    });
    expect(readFileSync(join(service, 'src/backend/services/stories/stories.entity.ts'), 'utf8')).toContain("  tags: { links: 'tagId' },");
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);
    const tests = run(bin('vitest'), ['run', '--reporter=verbose', 'src/backend/services/stories', 'src/backend/api/stories', 'src/backend/db/stories', 'schema-drift'], service);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/When tags are given, then 201 with the ids ascending; a repeated id, over 100 ids or a non-id is 400/);
    expect(tests.stdout).toMatch(/When a linked row of tags does not exist, then create and update refuse with STORY.INVALID and the links stay/);
    expect(tests.stdout).toMatch(/When a linked tag is deleted, then the link goes and the story stays/);
  });

  it('When a refs field is added to a module and later removed, then each migration matches the schema and the tests pass', () => {
    const add = planField({ serviceDir: service, module: 'invoices', add: 'tags:refs(tags)', now: new Date('2030-04-04T00:00:00Z') });
    const added = contentOf(add.changes, '_add_tags_to_invoices/migration.sql');
    expect(added).not.toContain('ALTER TABLE "invoices"');
    expect(added).toContain('CREATE TABLE "invoice_tags"');
    applyAll(service, add.changes);
    generatePrismaClient(service);
    const withTags = run(bin('vitest'), ['run', 'src/backend/api/invoices', 'src/backend/db/invoices', 'schema-drift'], service);
    expect(withTags.status, withTags.stdout + withTags.stderr).toBe(0);
    const remove = planField({ serviceDir: service, module: 'invoices', remove: 'tags', now: new Date('2030-04-05T00:00:00Z') });
    expect(contentOf(remove.changes, '_remove_tags_from_invoices/migration.sql')).toContain('DROP TABLE "invoice_tags";');
    applyAll(service, remove.changes);
    generatePrismaClient(service);
    expect(readTree(service)['src/backend/db/tags/tags.prisma']).not.toContain('invoiceTags');
    const without = run(bin('vitest'), ['run', 'src/backend/db/invoices', 'schema-drift'], service);
    expect(without.status, without.stdout + without.stderr).toBe(0);
  });

  it('When a module others link to is destroyed, then it refuses naming them', () => {
    expect(() => planDestroy({ serviceDir: service, name: 'tags' })).toThrow(/"tags" is referenced \(ref or refs\) by stories: destroy those first/);
  });

  it.each([
    ['the field is optional', 'title:string tags:refs(tags)?', {}, /takes no "\?", "!" or default/],
    ['the field is unique', 'title:string tags:refs(tags)!', {}, /takes no "\?", "!" or default/],
    ['the field has a default', 'title:string tags:refs(tags)=1', {}, /takes no "\?", "!" or default/],
    ['the module links itself', 'title:string tags:refs(posts)', {}, /cannot link to itself/],
    ['the module is unknown', 'title:string tags:refs(nowhere)', {}, /references module "nowhere", which does not exist/],
    ['two fields link one module', 'title:string tags:refs(tags) more:refs(tags)', {}, /links to "tags" with one refs\(…\) field at most/],
    ['the links are the --key', 'title:string tags:refs(tags)', { key: 'tags' }, /a route key is a string or uuid field, not refs/],
    ['the links are in a --unique', 'title:string tags:refs(tags)', { unique: 'title,tags' }, /a refs field, which a unique index cannot hold/],
  ])('When %s, then the plan refuses naming it', (_case, fields, extra, message) => {
    expect(() => plan('posts', fields, extra)).toThrow(GeneratorInputError);
    expect(() => plan('posts', fields, extra)).toThrow(message);
  });

  it('When the command line asks for links to an unknown module, then exit 2, the message, and nothing written', () => {
    const before = readTree(service);
    const result = run('npx', ['plop', '--dest', service, 'endpoint', 'posts', 'title:string tags:refs(nowhere)', '--json']);
    expect(result.status, result.stdout + result.stderr).toBe(2);
    expect((JSON.parse(result.stdout) as { errors: string[] }).errors.join('\n')).toMatch(/"nowhere", which does not exist/);
    expect(readTree(service)).toEqual(before);
  });
});
