import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFields } from '../fields.js';
import type { FieldStep, ModuleRecord } from '../manifest.js';
import type { ModuleNames } from '../naming.js';
import { renderString, type RenderedFile } from '../render.js';
import { listIndexesOf } from '../list-query.js';

/** Folder of the `field` migration templates (`add.sql.hbs`, `remove.sql.hbs`). */
export const FIELD_TEMPLATES = fileURLToPath(new URL('../../templates/field', import.meta.url));

/**
 * Path of a migration's SQL file, relative to the service root.
 *
 * @param migration - the migration folder name.
 * @returns `prisma/migrations/<migration>/migration.sql`.
 */
export const migrationFile = (migration: string): string => `prisma/migrations/${migration}/migration.sql`;

/**
 * The SQL of one field step, in the layout `prisma migrate dev` writes (measured with the wasm
 * schema engine's `diff`: enum types first, then one `ALTER TABLE` whose `ADD COLUMN     ` clauses
 * are sorted by column name, then unique indexes, then foreign keys; a drop carries Prisma's
 * data-loss warning, drops the foreign key and index first and the enum type last).
 *
 * @param names - the module's names.
 * @param step - the recorded step (`add` or `remove`).
 * @param filtered - the module has `--filters`: an added field gets its list index (see {@link listIndexesOf}).
 * @returns the migration text.
 * @throws {GeneratorInputError} when the step's spec does not parse.
 */
export function stepMigrationSql(names: ModuleNames, step: FieldStep, filtered = false): string {
  const fields = parseFields(step.add ?? step.remove ?? '', names.Entity);
  const view = {
    table: names.table,
    enums: fields.flatMap((f) => (f.enumType ? [f.enumType] : [])),
    uniques: fields.filter((f) => f.unique),
    indexes: filtered ? listIndexesOf(names, fields, [], false) : [],
    refs: fields.filter((f) => f.ref),
    /** `refs(…)` fields: a join table each, created or dropped (see links.ts). */
    links: fields.filter((f) => f.links),
    columns: fields.filter((f) => !f.links).map((f) => f.sql).sort((a, b) => (a < b ? -1 : 1)).map((sql) => `ADD COLUMN     ${sql}`).join(',\n'),
    column: fields[0]?.column ?? '',
  };
  return renderString(readFileSync(`${FIELD_TEMPLATES}/${step.add !== undefined ? 'add' : 'remove'}.sql.hbs`, 'utf8'), view);
}

/**
 * Completes a module rendered from its current fields with its field history: the create
 * migration as it was created (from `createdWith`) and one migration per recorded step.
 *
 * @param files - the module's files rendered from `record.fields`.
 * @param names - the module's names.
 * @param record - its record (`createdWith` and `history` used when present).
 * @param renderCreate - renders the create migration's text from a field spec.
 * @returns the files, sorted by path.
 */
export function withFieldHistory(
  files: RenderedFile[],
  names: ModuleNames,
  record: Pick<ModuleRecord, 'migration' | 'createdWith' | 'history' | 'filters'>,
  renderCreate: (spec: string) => string,
): RenderedFile[] {
  const history = record.history ?? [];
  if (history.length === 0) return files;
  const create = migrationFile(record.migration);
  const created = renderCreate(record.createdWith ?? '');
  const steps = history.map((step) => ({ path: migrationFile(step.migration), content: stepMigrationSql(names, step, record.filters === true) }));
  return [...files.map((f) => (f.path === create ? { ...f, content: created } : f)), ...steps].sort((a, b) => a.path.localeCompare(b.path));
}
