import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planEndpoint, runEndpoint } from '../generators/endpoint/index.js';
import { GeneratorInputError } from '../generators/errors.js';
import { planField } from '../generators/field/plan.js';
import { contentOf } from './support/changes.js';
import { bin, copyService, readTree, removeCopy, run } from './support/workspace.js';

// Derived route keys: `slug:slug(<field>)` with `--key=slug` on `npx plop endpoint`.
describe('endpoint with a slug(<field>) key (on a copy of the example service)', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
  });
  afterAll(() => removeCopy(service));
  const plan = (name: string, fields: string, extra: object = {}): ReturnType<typeof planEndpoint> =>
    planEndpoint({ serviceDir: service, name, fields, now: new Date('2030-03-01T00:00:00Z'), ...extra });

  it('When a module has a slug key, then bodies may leave it out, the service derives it and the .http create omits it', () => {
    const { changes, record } = plan('posts', 'title:string slug:slug(title) body:text', { key: 'slug' });
    expect(record).toMatchObject({ fields: 'title:string slug:slug(title) body:text', key: 'slug' });
    const schemas = contentOf(changes, 'posts.schemas.ts');
    expect(schemas).toContain('  slug: slugString.optional(),');
    expect(schemas).toContain('  slug: slugString,\n});');
    expect(contentOf(changes, 'posts.entity.ts')).toContain("export type PostInput = Omit<NewPost, 'slug'> & Partial<Pick<NewPost, 'slug'>>;");
    const serviceFile = contentOf(changes, 'posts.service.ts');
    expect(serviceFile).toContain("freeSlug(slugOf(source, 'post'), async (candidate) => (await repo.findBySlug(candidate)) !== null);");
    expect(serviceFile).toContain('repo.create({ ...values, slug: slug ?? (await slugFor(values.title)) })');
    expect(contentOf(changes, 'posts.prisma')).toContain('slug String @unique @db.VarChar(255)');
    const http = contentOf(changes, '__http__/posts.http');
    expect(http.split('### Update')[0]).not.toContain('"slug"');
    expect(http).toContain('"slug": "slug-2"');
  });

  it('When a generated module combines a slug key with --filters, a ref and a secret, then it typechecks and its tests pass', () => {
    runEndpoint(
      { serviceDir: service, name: 'articles', fields: 'headline:string! slug:slug(headline) customer:ref(customers) apiKey:secret? views:int?', key: 'slug', filters: true, now: new Date('2030-03-02T00:00:00Z') },
    );
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);
    const tests = run(bin('vitest'), ['run', '--reporter=verbose', 'src/backend/services/articles', 'src/backend/api/articles', 'src/backend/db/articles'], service);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/When the body has no slug, then 201 with one derived from its headline/);
    expect(tests.stdout).toMatch(/When an article is created without a slug, then it is derived from its headline/);
  });

  it('When a module nested under another has a slug key, then it typechecks and its tests pass, the slug unique across parents', () => {
    runEndpoint(
      { serviceDir: service, name: 'chapters', fields: 'invoice:ref(invoices) heading:text slug:slug(heading) page:int?', key: 'slug', parent: 'invoices', onDelete: 'cascade', now: new Date('2030-03-04T00:00:00Z') },
    );
    expect(readFileSync(join(service, 'src/backend/services/chapters/chapters.service.ts'), 'utf8')).toContain(
      "export type ChapterInput = Omit<NewChapter, 'invoiceId' | 'slug'> & Partial<Pick<NewChapter, 'slug'>>;",
    );
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);
    const tests = run(bin('vitest'), ['run', '--reporter=verbose', 'src/backend/services/chapters', 'src/backend/api/chapters', 'src/backend/db/chapters'], service);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/When the body has no slug, then 201 with one derived from its heading/);
    expect(tests.stdout).toMatch(/When a chapter is created without a slug, then it is derived from its heading, unique across invoices/);
  });

  it.each([
    ['the slug is not the --key', 'title:string slug:slug(title)', {}, /a slug is the module's route key: add --key=slug/],
    ['the slug is optional', 'title:string slug:slug(title)?', { key: 'slug' }, /a slug is always required/],
    ['the slug has a default', 'title:string slug:slug(title)=abc', { key: 'slug' }, /drop the "\?" and the default/],
    ['the source is not a field', 'title:string slug:slug(name)', { key: 'slug' }, /derived from a required string or text field of the module with no default \(candidates: title\)/],
    ['the source is a number', 'rank:int title:string slug:slug(rank)', { key: 'slug' }, /candidates: title/],
    ['the source is optional', 'title:string? slug:slug(title)', { key: 'slug' }, /it has none/],
    ['the source has a default', 'title:string=abc slug:slug(title)', { key: 'slug' }, /with no default \(it has none\)/],
    ['there are two slugs', 'title:string slug:slug(title) other:slug(title)', { key: 'slug' }, /at most one slug/],
    ['the module has --auth', 'title:string slug:slug(title)', { key: 'slug', auth: true }, /cannot be combined with --auth/],
  ])('When %s, then the plan refuses naming it', (_case, fields, extra, message) => {
    expect(() => plan('posts', fields, extra)).toThrow(GeneratorInputError);
    expect(() => plan('posts', fields, extra)).toThrow(message);
  });

  it('When the command line asks for a slug that is not the key, then exit 2, the message, and nothing written', () => {
    const before = readTree(service);
    const result = run('npx', ['plop', '--dest', service, 'endpoint', 'stories', 'title:string slug:slug(title)', '--json']);
    expect(result.status, result.stdout + result.stderr).toBe(2);
    expect((JSON.parse(result.stdout) as { errors: string[] }).errors.join('\n')).toMatch(/add --key=slug/);
    expect(readTree(service)).toEqual(before);
  });

  it('When a field is added to a module with a slug key, then its files keep deriving the slug', () => {
    const { changes } = planField({ serviceDir: service, module: 'plans', add: 'tier:int?', now: new Date('2030-03-03T00:00:00Z') });
    expect(contentOf(changes, 'plans.entity.ts')).toContain("export type PlanInput = Omit<NewPlan, 'slug'> & Partial<Pick<NewPlan, 'slug'>>;");
    expect(contentOf(changes, 'plans.schemas.ts')).toContain('  tier: z.number().int()');
  });

  it('When the field generator is asked to add a slug or drop its source, then it refuses', () => {
    expect(() => planField({ serviceDir: service, module: 'customers', add: 'slug:slug(name)' })).toThrow(/a slug is the route key, which existing rows of "customers" lack/);
    expect(() => planField({ serviceDir: service, module: 'plans', remove: 'title' })).toThrow(/"title" is the source of the slug "slug:slug\(title\)" of "plans": it cannot be removed/);
  });
});
