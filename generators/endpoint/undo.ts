import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { forgetRuns } from '../cli/changelog.js';
import { GeneratorInputError } from '../errors.js';
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

/**
 * Tells whether destroying a module would drop its table (its create migration is committed).
 *
 * @param serviceDir - absolute service root.
 * @param name - the module.
 * @returns false when the module is not recorded or its migration is not committed.
 */
export function dropsTable(serviceDir: string, name: string): boolean {
  try {
    const record = parseManifest(readIfExists(resolve(serviceDir), MANIFEST_FILE)).modules.find((m) => m.name === name.trim());
    return record !== undefined && isCommitted(resolve(serviceDir), `prisma/migrations/${record.migration}/migration.sql`);
  } catch {
    return false;
  }
}

/**
 * Refuses a run that would drop a table (a drop-table migration) without consent.
 *
 * @param changes - the run's planned changes.
 * @param name - the module, for the message.
 * @param consent - `--confirm-data-loss`, a yes on the terminal, or a dry run (writes nothing).
 * @throws {GeneratorInputError} when a drop-table migration is planned and there is no consent.
 */
export function assertDataLossConsent(changes: { kind: string; path: string }[], name: string, consent: boolean): void {
  const drop = changes.find((c) => c.kind === 'create' && /_drop_[^/]+\/migration\.sql$/.test(c.path));
  if (drop && !consent) {
    throw new GeneratorInputError(
      `Destroying "${name}" deletes data: its create migration is committed, so ${drop.path} would drop the table and every row in it. Run again with --confirm-data-loss to consent (required without a terminal); nothing was written.`,
    );
  }
}
