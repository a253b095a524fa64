import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../example-service/src/backend/db/common/db-logging.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../example-service/src/backend/db/common/embedded-postgres.js';
import { openSchemaEngine, type OpenSchemaEngine } from '../example-service/src/backend/db/common/schema-engine.js';
import { renderModule } from '../generators/endpoint/plan.js';
import { stepMigrationSql } from '../generators/field/history.js';
import type { FieldStep } from '../generators/manifest.js';
import { moduleNames } from '../generators/naming.js';

const BASE = 'generator client {\n  provider = "prisma-client"\n  output   = "./generated"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n';
const names = moduleNames('members');

/** The module's Prisma model as the templates render it for a field spec. */
const model = (fields: string): string =>
  renderModule(names, { fields, migration: '20260101000000_create_members' }, []).files.find((f) => f.path.endsWith('/members.prisma'))?.content ?? '';

// The `field` migrations come from templates; Prisma's own schema engine is the reference for their
// text: its diff from the old model to the new one must be the same SQL, byte for byte (the
// data-loss warning comment `migrate dev` adds is not part of `diff`'s output).
describe('field step migrations are what Prisma writes', () => {
  let pg: EmbeddedPostgres;
  let opened: OpenSchemaEngine;
  beforeAll(async () => {
    pg = await startEmbeddedPostgres({ log: silentLogger });
    opened = await openSchemaEngine({ url: pg.url, log: silentLogger });
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
    await pg?.stop();
  });

  const diff = async (from: string, to: string): Promise<string> => {
    const files = (spec: string) => [{ path: 'schema.prisma', content: BASE }, { path: 'members/members.prisma', content: model(spec) }];
    const result = await opened.engine.diff({
      from: { tag: 'schemaDatamodel', files: files(from) },
      to: { tag: 'schemaDatamodel', files: files(to) },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  };
  const withoutWarnings = (sql: string): string => sql.replace(/^\/\*\n {2}Warnings:\n[\s\S]*?\n\*\/\n/, '');

  it.each<[string, string, FieldStep]>([
    ['an optional and a defaulted field', 'name:string', { add: 'vip:boolean? tier:string=basic', migration: 'm' }],
    ['an enum with a default, a unique, a datetime and a decimal', 'name:string', { add: 'level:enum(basic|gold)=basic code:string!? seenAt:datetime=now amount:decimal=1.50 big:bigint? body:text?', migration: 'm' }],
    ['ints, uuids and booleans with defaults', 'name:string', { add: 'count:int=0 ref:uuid? done:boolean=false', migration: 'm' }],
    ['removing a plain field', 'name:string phone:string?', { remove: 'phone:string?', migration: 'm' }],
    ['removing an enum field', 'name:string level:enum(basic|gold)=basic', { remove: 'level:enum(basic|gold)=basic', migration: 'm' }],
    ['removing a unique field', 'name:string code:string!', { remove: 'code:string!', migration: 'm' }],
  ])('When %s, then the migration equals the engine diff', async (_label, before, step) => {
    const after = step.add !== undefined ? `${before} ${step.add}` : before.split(' ').filter((i) => i !== step.remove).join(' ');
    const sql = stepMigrationSql(names, step);
    expect(withoutWarnings(sql)).toBe(await diff(before, after));
    if (step.remove !== undefined) expect(sql).toMatch(/^\/\*\n {2}Warnings:\n\n {2}- You are about to drop the column `\w+` on the `members` table\. All the data in the column will be lost\.\n\n\*\/\n/);
  });
});
