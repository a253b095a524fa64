import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regenerateService } from '../generators/regenerate.js';
import { plopJson } from './support/agent.js';
import { bin, copyService, readTree, REPO_ROOT, removeCopy, run } from './support/workspace.js';

const SLOW = 600_000;
/** The full check runs the service's whole suite and boots it: allow for a shared, loaded machine. */
const CHECK_TIMEOUT = 1_500_000;

/** The copy's own database layer (hand-written core of the service), loaded from the copy. */
interface DbCommon {
  startEmbeddedPostgres(opts: { dataDir: string; log: unknown }): Promise<{ url: string; stop(): Promise<void> }>;
  applyMigrations(opts: { url: string; migrationsDir: string; log: unknown }): Promise<{ applied: string[] }>;
  diffDatabaseAgainstSchema(opts: { url: string; schemaDir: string }): Promise<string>;
}

// `npx plop field` on a module generated into a copy of the example service, with its migrations
// committed and rows in the embedded database, driven as an agent drives it (no TTY, --json).
describe('npx plop field', () => {
  let service: string;
  let db: DbCommon;
  let silent: unknown;
  const plop = (args: string[]) => plopJson(service, args);
  /** A refusal: exit 2 (non-zero for a missing argument), status refused, no file named or changed, the message matched. */
  const refused = (args: string[], message: RegExp): void => {
    const before = readTree(service);
    const { status, json } = plop(args);
    expect(json.errors.join('\n')).toMatch(message);
    // A missing argument is refused by the no-terminal prompt, whose exit code plop sets (130 today).
    if (args.length > 2) expect(status).toBe(2);
    else expect(status).not.toBe(0);
    expect(json.status).toBe('refused');
    expect(json.files_changed).toEqual([]);
    expect(readTree(service)).toEqual(before);
  };
  const read = (path: string): string => readFileSync(join(service, path), 'utf8');
  const edit = (path: string, from: string, to: string): void => {
    const text = read(path);
    expect(text, path).toContain(from);
    writeFileSync(join(service, path), text.replace(from, to));
  };
  const git = (...args: string[]) => run('git', ['-c', 'user.email=field@example.test', '-c', 'user.name=field', ...args], service);
  const commit = (message: string): void => {
    expect(git('add', '-A').status).toBe(0);
    expect(git('commit', '-qm', message).status).toBe(0);
  };
  /** Starts the embedded database on the copy's data folder, applies pending migrations, runs `fn`, stops. */
  /** `npm run check` on the service with the given gate flags, as an agent runs it (`--json`). */
  const check = (step: string, ...flags: string[]): void => {
    const out = spawnSync(bin('tsx'), [join(REPO_ROOT, 'checks/run.ts'), service, ...flags, '--json'], { encoding: 'utf8', timeout: CHECK_TIMEOUT });
    const report = JSON.parse(out.stdout) as { status: string; errors: unknown[] };
    expect(report.errors, step).toEqual([]);
    expect(report.status, step).toBe('passed');
    expect(out.status, step).toBe(0);
  };
  /**
   * `npm run check` after one step: the lint, layout, duplication, typecheck and runtime gates (every
   * `.http` request answered by the booted service), then the module's own unit, API and database
   * tests. The service's whole suite (the tests gate) runs once, with all six gates, after the last step.
   *
   * @returns the module tests' verbose output.
   */
  const checkStep = (step: string): string => {
    check(step, '--skip', 'tests');
    const tests = run(bin('vitest'), ['run', '--reporter=verbose', 'members'], service);
    expect(tests.status, `${step}: ${tests.stdout}${tests.stderr}`).toBe(0);
    return tests.stdout;
  };
  const withDatabase = async <T>(fn: (client: pg.Client, applied: string[], drift: string) => Promise<T>): Promise<T> => {
    const pgl = await db.startEmbeddedPostgres({ dataDir: join(service, '.data/field-test'), log: silent });
    try {
      const { applied } = await db.applyMigrations({ url: pgl.url, migrationsDir: join(service, 'prisma/migrations'), log: silent });
      const drift = await db.diffDatabaseAgainstSchema({ url: pgl.url, schemaDir: join(service, 'src/backend/db') });
      const client = new pg.Client(pgl.url);
      await client.connect();
      try {
        return await fn(client, applied, drift);
      } finally {
        await client.end();
      }
    } finally {
      await pgl.stop();
    }
  };

  beforeAll(async () => {
    service = copyService();
    const load = async (file: string): Promise<Record<string, unknown>> => (await import(pathToFileURL(join(service, 'src/backend/db/common', file)).href)) as Record<string, unknown>;
    db = { ...(await load('embedded-postgres.ts')), ...(await load('migrator.ts')), ...(await load('schema-drift.ts')) } as unknown as DbCommon;
    silent = (await load('db-logging.ts')).silentLogger;
    const created = plop(['endpoint', 'members', 'name:string email:string phone:string? notes:text?']);
    expect(created.json.errors).toEqual([]);
    expect(git('init', '-q').status).toBe(0);
    writeFileSync(join(service, '.git/info/exclude'), '.data/\nnode_modules/\ngenerated/\n');
    commit('baseline: create migrations committed');
    await withDatabase(async (client, applied) => {
      expect(applied.at(-1)).toMatch(/_create_members$/);
      for (const [name, email, phone] of [['Ada', 'ada@example.test', '+441'], ['Bob', 'bob@example.test', null]]) {
        await client.query('INSERT INTO members (name, email, phone, "updatedAt") VALUES ($1, $2, $3, now())', [name, email, phone]);
      }
    });
  }, SLOW);
  afterAll(() => removeCopy(service));

  it.each([
    ['a required field without default', ['field', 'members', 'age:int'], /Field "age:int" is required and has no database default, but table "members" may already have rows: give it a default \(e\.g\. "age:int=…"\) or make it optional \("age:int\?"\)/],
    ['a client-side default only', ['field', 'members', 'token:uuid=uuid'], /"token:uuid=uuid" is required and has no database default/],
    ['a unique required field', ['field', 'members', 'code:string!=abc'], /"code:string!=abc" is unique and required/],
    ['a field the module has', ['field', 'members', 'email:string?'], /Field "email" is given twice/],
    ['a bad type', ['field', 'members', 'x:money?'], /Field type "money" in "x:money\?" is unknown/],
    ['a ref to a missing module', ['field', 'members', 'owner:ref(users)?'], /references module "users", which does not exist/],
    ['an unknown module', ['field', 'payments', 'x:int?'], /Module "payments" is not recorded in scaffold.json/],
    ['an unknown field to remove', ['field', 'members', '--remove', 'fax'], /Module "members" has no field "fax" \(fields: name, email, phone, notes\)/],
    ['both add and remove', ['field', 'members', 'x:int?', '--remove=phone'], /not both/],
    ['a required secret', ['field', 'members', 'pin:secret'], /"pin:secret" is a required secret, but table "members" may already have rows \(a secret takes no default\): make it optional \("pin:secret\?"\)/],
    ['a default on a secret', ['field', 'members', 'pin:secret?=abcdefghijkl'], /secret fields take no default/],
    ['no fields', ['field', 'members'], /Missing "fields" and no terminal/],
  ])('When refused (%s), then exit non-zero, JSON names the problem, nothing changes', (_label, args, message) => {
    refused(args, message);
  });

  it('When --dry-run, then the plan holds the ALTER TABLE migration and every layer, and nothing is written', () => {
    const before = readTree(service);
    const { status, json } = plop(['field', 'members', 'tier:enum(basic|gold)=basic vip:boolean?', '--dry-run']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(json.status).toBe('planned');
    const migration = json.plan?.find((p) => p.path.includes('_add_tier_vip_to_members/migration.sql'));
    expect(migration?.added.join('\n')).toContain(`ALTER TABLE "members" ADD COLUMN     "tier" "MemberTier" NOT NULL DEFAULT 'basic',\nADD COLUMN     "vip" BOOLEAN;`);
    for (const layer of ['members.schemas.ts', 'members.entity.ts', 'members.prisma-repository.ts', 'members.memory-repository.ts', 'members.prisma', 'members.fixtures.ts', 'members.http']) {
      expect(json.plan?.map((p) => p.path).some((p) => p.endsWith(layer)), layer).toBe(true);
    }
    expect(readTree(service)).toEqual(before);
  });

  it('When an optional field and one with a default are added, then the migration applies on the running data, rows kept, no drift', async () => {
    const { status, json } = plop(['field', 'members', 'tier:enum(basic|gold)=basic vip:boolean?', '--req=REQ-12']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(read('src/backend/services/members/members.entity.ts')).toMatch(/notes: string \| null;\n {2}tier: 'basic' \| 'gold';\n {2}vip: boolean \| null;/);
    expect(read('src/backend/db/members/members.prisma')).toMatch(/tier MemberTier @default\(basic\)\n {2}vip Boolean\?/);
    const manifest = JSON.parse(read('scaffold.json')) as { modules: { name: string; fields: string; createdWith?: string; history?: { add?: string; migration: string }[] }[] };
    const record = manifest.modules.find((m) => m.name === 'members');
    expect(record?.fields).toBe('name:string email:string phone:string? notes:text? tier:enum(basic|gold)=basic vip:boolean?');
    expect(record?.createdWith).toBe('name:string email:string phone:string? notes:text?');
    expect(record?.history?.[0]?.add).toBe('tier:enum(basic|gold)=basic vip:boolean?');
    expect(read('BACKEND-LOG.md')).toContain('<!-- scaffold-run: field members -->');
    expect((JSON.parse(read('traceability_matrix.json')) as Record<string, string[]>)['REQ-12']).toContain('src/backend/services/members/members.entity.ts');
    const rows = await withDatabase(async (client, applied, drift) => {
      expect(applied).toEqual([record?.history?.[0]?.migration]);
      expect(drift).toBe('');
      return (await client.query('SELECT name, phone, tier::text AS tier, vip FROM members ORDER BY id')).rows;
    });
    expect(rows).toEqual([
      { name: 'Ada', phone: '+441', tier: 'basic', vip: null },
      { name: 'Bob', phone: null, tier: 'basic', vip: null },
    ]);
    expect(regenerateService(service)).toEqual([]);
    checkStep('add tier and vip');
    commit('add tier and vip');
  }, SLOW);

  it('When a secret field is added, then its hash column applies on the running data, the service gets the hasher, and no answer or entity holds it', async () => {
    const { status, json } = plop(['field', 'members', 'pin:secret?']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(read('src/backend/db/members/members.prisma')).toMatch(/\n {2}pinHash String\?\n/);
    expect(read('src/backend/api/members/members.schemas.ts')).toContain("secretFields: ['pin'],");
    expect(/export interface Member \{[^}]*\}/.exec(read('src/backend/services/members/members.entity.ts'))?.[0]).not.toMatch(/pin/);
    expect(read('src/composition-root.ts')).toContain('members: createMembersService({ repo: createMembersPrismaRepository(prisma, log), passwords: authAdapters(log).passwords, log }),');
    const migration = (JSON.parse(read('scaffold.json')) as { modules: { name: string; history?: { migration: string }[] }[] }).modules.find((m) => m.name === 'members')?.history?.at(-1)?.migration;
    expect(read(`prisma/migrations/${migration}/migration.sql`)).toContain('ALTER TABLE "members" ADD COLUMN     "pinHash" TEXT;');
    const rows = await withDatabase(async (client, applied, drift) => {
      expect(applied).toEqual([migration]);
      expect(drift).toBe('');
      return (await client.query('SELECT name, "pinHash" FROM members ORDER BY id')).rows;
    });
    expect(rows).toEqual([{ name: 'Ada', pinHash: null }, { name: 'Bob', pinHash: null }]);
    expect(regenerateService(service)).toEqual([]);
    checkStep('add pin');
    commit('add pin');
  }, SLOW);

  it('When a line a patch must change was edited by hand, then field refuses naming the file and writes nothing', () => {
    const entity = 'src/backend/services/members/members.entity.ts';
    const saved = read(entity);
    edit(entity, '  phone: string | null;\n', '  phone: string | null; // E.164, checked by the CRM\n');
    refused(['field', 'members', '--remove', 'phone'], /src\/backend\/services\/members\/members\.entity\.ts was edited by hand where the field change must go \(lines \d+-\d+\)/);
    writeFileSync(join(service, entity), saved);
  });

  it('When a field is removed, then hand edits elsewhere survive, the drop migration applies on the running data, rows kept, no drift', async () => {
    const serviceFile = 'src/backend/services/members/members.service.ts';
    const repoFile = 'src/backend/db/members/members.prisma-repository.ts';
    edit(serviceFile, '      if (!found) throw new MemberNotFoundError(id);\n      return found;', '      if (!found) throw new MemberNotFoundError(id);\n      // Hand-written rule: a member is handed out as a read-only value.\n      return Object.freeze({ ...found });');
    edit(repoFile, ' * Turns a database refusal into the module\'s domain error;', ' * Turns a database refusal (hand-written note: unique violations) into the module\'s domain error;');
    const { status, json } = plop(['field', 'members', '--remove', 'phone']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(json.files_changed.some((p) => p.endsWith(repoFile))).toBe(true);
    expect(read(serviceFile)).toContain('// Hand-written rule: a member is handed out as a read-only value.\n      return Object.freeze({ ...found });');
    expect(read(repoFile)).toContain('(hand-written note: unique violations)');
    expect(read(repoFile)).not.toContain('phone');
    expect(read('src/backend/services/members/members.entity.ts')).not.toContain('phone');
    const migration = (JSON.parse(read('scaffold.json')) as { modules: { name: string; history?: { remove?: string; migration: string }[] }[] }).modules.find((m) => m.name === 'members')?.history?.at(-1);
    expect(migration?.remove).toBe('phone:string?');
    expect(read(`prisma/migrations/${migration?.migration}/migration.sql`)).toContain('-- AlterTable\nALTER TABLE "members" DROP COLUMN "phone";\n');
    const rows = await withDatabase(async (client, applied, drift) => {
      expect(applied).toEqual([migration?.migration]);
      expect(drift).toBe('');
      return (await client.query('SELECT * FROM members ORDER BY id')).rows as Record<string, unknown>[];
    });
    expect(rows.map((r) => [r.name, r.tier])).toEqual([['Ada', 'basic'], ['Bob', 'basic']]);
    expect(Object.keys(rows[0] ?? {})).not.toContain('phone');
    checkStep('remove phone');
    commit('remove phone');
  }, SLOW);

  it('When a GET collection use case with a query and a DELETE item use case are added, then they typecheck and pass, no migration is added, rows kept, no drift, and regeneration reproduces the module', async () => {
    const steps = [
      ['usecase', 'members', 'byTier', '--method=GET', '--scope=collection', '--query=tier:enum(basic|gold)? since:datetime?', '--returns=list'],
      ['usecase', 'members', 'forget', '--method=DELETE', '--returns=none'],
    ];
    for (const args of steps) {
      const { status, json } = plop(args);
      expect(json.errors, args.join(' ')).toEqual([]);
      expect(status).toBe(0);
    }
    expect(read('src/backend/api/members/members.router.ts')).toMatch(/router\.get\('\/by-tier'[\s\S]*router\.get\('\/:id'[\s\S]*router\.delete\('\/:id\/forget'/);
    const usecases = (JSON.parse(read('scaffold.json')) as { modules: { name: string; usecases?: { name: string; method: string }[] }[] }).modules.find((m) => m.name === 'members')?.usecases;
    expect(usecases?.map((u) => `${u.method} ${u.name}`)).toEqual(['GET byTier', 'DELETE forget']);
    expect(checkStep('add byTier and forget')).toMatch(/When byTier runs, then it answers a page of members in id order/);
    const rows = await withDatabase(async (_client, applied, drift) => {
      expect(applied).toEqual([]);
      expect(drift).toBe('');
      return (await _client.query('SELECT name FROM members ORDER BY id')).rows;
    });
    expect(rows).toEqual([{ name: 'Ada' }, { name: 'Bob' }]);
    // Built by endpoint, three field steps and two use cases: reproduced byte for byte, except the two
    // hand edits made outside hand-written regions above (regeneration writes what generators write).
    const edited = ['src/backend/db/members/members.prisma-repository.ts', 'src/backend/services/members/members.service.ts'];
    const handEdited = edited.map(read);
    expect(regenerateService(service).sort()).toEqual(edited);
    edited.forEach((path, i) => writeFileSync(join(service, path), handEdited[i] ?? ''));
    commit('add byTier and forget');
  }, SLOW);

  it('When the steps are done, then npm run check (all six gates) passes on the service', () => {
    // The service's own suite reads the repository README and runs `npm run dev` from the root.
    for (const file of ['README.md', 'package.json']) writeFileSync(join(service, '..', file), readFileSync(join(REPO_ROOT, file)));
    check('all six gates');
  }, CHECK_TIMEOUT + 60_000);

  it('When the module is destroyed, then its committed migrations (create and field steps) stay and a drop migration is added', () => {
    const migrations = (): string[] => readdirSync(join(service, 'prisma/migrations')).filter((d) => d.includes('members'));
    const kept = migrations();
    expect(kept).toHaveLength(4);
    const { status, json } = plop(['destroy', 'members', '--force', '--confirm-data-loss']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(migrations().slice(0, 4)).toEqual(kept);
    expect(migrations()[4]).toMatch(/_drop_members$/);
    expect(existsSync(join(service, 'src/backend/services/members'))).toBe(false);
  });
});

describe('npx plop field on a module that was never committed', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
  });
  afterAll(() => removeCopy(service));

  it('When a module is generated, changed by field steps and destroyed, then the service is as before (no migration, log or trace left)', () => {
    const before = readTree(service);
    for (const args of [['endpoint', 'memos', 'title:string'], ['field', 'memos', 'body:text? pinned:boolean=false', '--req=REQ-9'], ['field', 'memos', '--remove', 'pinned'], ['destroy', 'memos']]) {
      const { status, json } = plopJson(service, args);
      expect(json.errors, args.join(' ')).toEqual([]);
      expect(status).toBe(0);
    }
    expect(readTree(service)).toEqual(before);
  });
});
