import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { forgetRuns } from '../cli/changelog.js';
import { parseFields } from '../fields.js';
import { MANIFEST_FILE, parseManifest } from '../manifest.js';
import { moduleNames } from '../naming.js';
import { readIfExists, type Change } from '../transaction.js';
import { planDestroy } from './destroy.js';
import { nextMigrationName } from './plan.js';

/**
 * Tells whether a file is committed (present in `HEAD` of the git repository holding it).
 *
 * @param dir - a folder inside the repository.
 * @param path - the file, relative to `dir`.
 * @returns false when it is not committed or there is no repository.
 */
export function isCommitted(dir: string, path: string): boolean {
  const result = spawnSync('git', ['cat-file', '-e', `HEAD:./${path}`], { cwd: dir, stdio: 'ignore' });
  return result.status === 0;
}

/**
 * The SQL that drops a module's table, its foreign keys and enum types (Prisma's layout).
 *
 * @param table - the table.
 * @param fks - the foreign key columns.
 * @param enums - the enum type names.
 * @returns the migration text.
 */
export function dropTableSql(table: string, fks: string[], enums: string[]): string {
  return [
    ...fks.map((c) => `-- DropForeignKey\nALTER TABLE "${table}" DROP CONSTRAINT "${table}_${c}_fkey";\n`),
    `-- DropTable\nDROP TABLE "${table}";\n`,
    ...enums.map((e) => `-- DropEnum\nDROP TYPE "${e}";\n`),
  ].join('\n');
}

/**
 * Plans `destroy`: removes a module's files, registrations and manifest entry. When its create
 * migration is committed, history stays (every migration of the module, `field` steps too): a new
 * migration drops the table instead. When it is not,
 * the run's log chunks and traceability entries go too, so generate + destroy leaves no trace.
 *
 * @param request - service, module, force (delete files edited by hand), clock.
 * @returns the changes.
 * @throws {GeneratorInputError} as {@link planDestroy} does.
 */
export function planUndo(request: { serviceDir: string; name: string; force?: boolean; now?: Date }): Change[] {
  const serviceDir = resolve(request.serviceDir);
  const changes = planDestroy(request);
  const record = parseManifest(readIfExists(serviceDir, MANIFEST_FILE)).modules.find((m) => m.name === request.name);
  if (!record) return changes;
  const migrationFile = `prisma/migrations/${record.migration}/migration.sql`;
  if (isCommitted(serviceDir, migrationFile)) {
    const names = moduleNames(record.name);
    const fields = parseFields(record.fields, names.Entity);
    const drop = nextMigrationName(serviceDir, `drop_${names.table}`, request.now ?? new Date());
    const sql = dropTableSql(names.table, fields.filter((f) => f.ref).map((f) => f.name), fields.flatMap((f) => (f.enumType ? [f.enumType.name] : [])));
    // Its migrations (create and `field` steps) are history once the create is committed: all stay.
    const migrations = new Set([record.migration, ...(record.history ?? []).map((s) => s.migration)].map((m) => `prisma/migrations/${m}/migration.sql`));
    return [
      ...changes.filter((c) => !migrations.has(c.path)),
      { kind: 'create', path: `prisma/migrations/${drop}/migration.sql`, content: sql },
    ];
  }
  const touched = changes.map((c) => c.path);
  return [...changes, ...forgetRuns(serviceDir, [`endpoint ${record.name}`, `usecase ${record.name}`, `field ${record.name}`], touched)];
}
