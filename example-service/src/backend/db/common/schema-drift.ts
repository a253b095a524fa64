import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaContainer } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { dbFunctionLogger, describeDatabaseUrl, silentLogger, type Logger } from './db-logging.js';
import { ensureDatabaseExists } from './postgres-admin.js';
import { openSchemaEngine } from './schema-engine.js';

/** Options of {@link diffDatabaseAgainstSchema}. */
export interface DiffOptions {
  /** The live database to compare (created empty when missing). */
  url: string;
  /** The Prisma schema folder; every `*.prisma` file under it, recursively, is part of the schema. */
  schemaDir: string;
  log?: Logger;
}

/**
 * Collects the Prisma schema files under a folder the way Prisma's multi-file loader does:
 * recursively, `.prisma` extension only, following symbolic links, each real folder once.
 *
 * @param schemaDir - the schema folder (or a single `.prisma` file).
 * @returns the files as the engine expects them (absolute path + content), sorted by path.
 * @throws when the folder cannot be read.
 */
export async function readSchemaFiles(schemaDir: string): Promise<SchemaContainer[]> {
  const files: SchemaContainer[] = [];
  const seen = new Set<string>();
  const visit = async (entry: string): Promise<void> => {
    const info = await stat(entry);
    if (info.isFile()) {
      if (path.extname(entry) === '.prisma') files.push({ path: entry, content: await readFile(entry, 'utf8') });
      return;
    }
    if (!info.isDirectory()) return;
    const real = await realpath(entry);
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of await readdir(entry)) await visit(path.join(entry, name));
  };
  await visit(path.resolve(schemaDir));
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Normalises an engine script: only comments and whitespace means "in sync".
 *
 * @param script - the engine's SQL output.
 * @returns the script unchanged, or '' when it holds no statement.
 * @throws never.
 */
export function normaliseDiffScript(script: string | null | undefined): string {
  if (script === null || script === undefined) return '';
  const statements = script
    .split('\n')
    .map((line) => line.replace(/--.*$/, '').trim())
    .filter((line) => line !== '');
  return statements.length === 0 ? '' : script;
}

/**
 * Compares a live database with the Prisma schema using the wasm schema engine's `diff` (what
 * `prisma migrate diff --from-config-datasource --to-schema <dir> --script` prints) — used to prove
 * that the committed migrations produce exactly the schema. Prisma's own `_prisma_migrations` table
 * is ignored by the engine.
 *
 * @param opts - the database URL, the schema folder, and an optional logger.
 * @returns the SQL that would make the database match the schema; '' when they match.
 * @throws {DatabaseUnavailableError} when PostgreSQL cannot be reached.
 * @throws when the schema files are invalid (the engine's validation message) or none are found.
 */
export async function diffDatabaseAgainstSchema(opts: DiffOptions): Promise<string> {
  const log = dbFunctionLogger(opts.log ?? silentLogger, 'diffDatabaseAgainstSchema');
  const target = describeDatabaseUrl(opts.url);
  log.debug({ target, schemaDir: opts.schemaDir }, 'called');
  try {
    const files = await readSchemaFiles(opts.schemaDir);
    if (files.length === 0) throw new Error(`no .prisma file under ${opts.schemaDir}`);
    await ensureDatabaseExists({ url: opts.url, log: opts.log ?? silentLogger });
    const opened = await openSchemaEngine({ url: opts.url, datamodels: files, log: opts.log ?? silentLogger });
    try {
      const result = await opened.engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: path.resolve(opts.schemaDir) },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      });
      const script = normaliseDiffScript(result.stdout);
      log.debug({ target, files: files.length, inSync: script === '' }, 'compared');
      return script;
    } finally {
      await opened.close();
    }
  } catch (err) {
    log.error({ err, target }, 'schema comparison failed');
    throw err;
  }
}
