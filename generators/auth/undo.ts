import { resolve } from 'node:path';
import { forgetRuns } from '../cli/changelog.js';
import { dropTableSql, isCommitted } from '../endpoint/undo.js';
import { nextMigrationName } from '../endpoint/plan.js';
import { GeneratorInputError } from '../errors.js';
import { parseFields } from '../fields.js';
import { formatManifest, MANIFEST_FILE, parseManifest } from '../manifest.js';
import { readIfExists, type Change } from '../transaction.js';
import { renderAuth } from './plan.js';

/**
 * Plans the removal of the users and auth modules: every file they render to (migration
 * included), their registration lines and their record, found by rendering them again. Writes
 * nothing; used as is by regeneration and the service skeleton, and by {@link planAuthUndo}.
 *
 * @param request - service, force (delete files edited by hand).
 * @returns the changes.
 * @throws {GeneratorInputError} when auth is not recorded, a module still has an owner field
 *   (references users), `--auth` or a secret field (uses its hasher), or a file or line was edited
 *   by hand (without `force`).
 */
export function planAuthDestroy(request: { serviceDir: string; force?: boolean }): Change[] {
  const serviceDir = resolve(request.serviceDir);
  const manifestText = readIfExists(serviceDir, MANIFEST_FILE);
  const manifest = parseManifest(manifestText);
  if (!manifest.auth || manifestText === undefined) throw new GeneratorInputError(`Auth is not recorded in ${MANIFEST_FILE}: nothing to destroy.`);
  const owners = manifest.modules.filter((m) => parseFields(m.fields).some((f) => f.ref?.target.name === 'users'));
  if (owners.length > 0) throw new GeneratorInputError(`Auth is used by ${owners.map((m) => m.name).join(', ')} (owner fields): destroy those first.`);
  const users = manifest.modules.filter((m) => m.auth !== undefined || parseFields(m.fields).some((f) => f.secret));
  if (users.length > 0) {
    throw new GeneratorInputError(`Auth is used by ${users.map((m) => m.name).join(', ')} (--auth routes or secret fields, hashed by its argon2id adapter): destroy those first, or remove their secret fields (npx plop field <module> --remove <field>).`);
  }
  const rendered = renderAuth(manifest.auth.migration);
  const changes: Change[] = rendered.files.flatMap((file): Change[] => {
    const current = readIfExists(serviceDir, file.path);
    if (current === undefined && request.force) return [];
    if (current === undefined || (current !== file.content && !request.force)) {
      throw new GeneratorInputError(`${file.path} is missing or was edited since generation: remove it by hand or pass --force.`);
    }
    return [{ kind: 'delete', path: file.path, before: current }];
  });
  for (const [path, blocks] of rendered.registrations) {
    const before = readIfExists(serviceDir, path) ?? '';
    let lines = before.split('\n');
    for (const line of blocks.flatMap(([, insert]) => insert)) {
      const at = lines.findIndex((l) => l.trim() === line);
      if (at < 0) throw new GeneratorInputError(`${path} no longer holds "${line}": remove auth by hand.`);
      lines = [...lines.slice(0, at), ...lines.slice(at + 1)];
    }
    changes.push({ kind: 'modify', path, before, content: lines.join('\n') });
  }
  const { auth: _removed, ...rest } = manifest;
  changes.push({ kind: 'modify', path: MANIFEST_FILE, before: manifestText, content: formatManifest(rest) });
  return changes;
}

/**
 * Plans `npx plop destroy auth`: {@link planAuthDestroy}, except that a committed migration stays
 * and a new one drops `refresh_tokens` and `users`; an uncommitted one goes with the run's
 * change-log chunk, so auth + destroy leaves no trace.
 *
 * @param request - service, force, clock.
 * @returns the changes.
 * @throws {GeneratorInputError} as {@link planAuthDestroy} does.
 */
export function planAuthUndo(request: { serviceDir: string; force?: boolean; now?: Date }): Change[] {
  const serviceDir = resolve(request.serviceDir);
  const changes = planAuthDestroy(request);
  const migration = parseManifest(readIfExists(serviceDir, MANIFEST_FILE)).auth?.migration;
  const migrationFile = `prisma/migrations/${migration}/migration.sql`;
  if (isCommitted(serviceDir, migrationFile)) {
    const drop = nextMigrationName(serviceDir, 'drop_auth', request.now ?? new Date());
    const sql = `${dropTableSql('refresh_tokens', ['userId'], [])}\n${dropTableSql('users', [], [])}`;
    return [...changes.filter((c) => c.path !== migrationFile), { kind: 'create', path: `prisma/migrations/${drop}/migration.sql`, content: sql }];
  }
  return [...changes, ...forgetRuns(serviceDir, ['auth'], changes.map((c) => c.path))];
}
