import { recordedModule } from '../usecase/plan.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nextMigrationName, patchAtMarkers, renderModule, type RenderedEndpoint } from '../endpoint/plan.js';
import { assertBackRelationsFree, relationRegistrations } from '../endpoint/view.js';
import { GeneratorInputError } from '../errors.js';
import { normaliseSpec, parseFields, type Field } from '../fields.js';
import { formatManifest, MANIFEST_FILE, type FieldStep, type ModuleRecord } from '../manifest.js';
import { moduleNames, type ModuleNames } from '../naming.js';
import { readIfExists, type Change } from '../transaction.js';
import type { RenderedFile } from '../render.js';
import { mergeModuleFiles } from './merge.js';
import { parseCompositeUniques } from '../unique.js';

/** What the `field` generator is asked to do: add fields, or remove one. */
export interface FieldRequest {
  /** Absolute path of the target service. */
  serviceDir: string;
  /** An existing module, e.g. `customers`. */
  module: string;
  /** Field items to add (same grammar as `endpoint`), e.g. `tier:string=basic vip:boolean?`. */
  add?: string;
  /** The field to remove, e.g. `phone` (a ref by its name or its `…Id` column). */
  remove?: string;
  /** Clock for the migration's timestamp; defaults to now. */
  now?: Date;
  /** The migration folder to write (regeneration replays a recorded step under its own name); default: named from `now`. */
  migration?: string;
}

/** Everything the `field` generator will do, computed before anything is written. */
export interface FieldPlan {
  names: ModuleNames;
  /** The step recorded in `scaffold.json`. */
  step: FieldStep;
  /** The module's record after the step. */
  record: ModuleRecord;
  changes: Change[];
}

/**
 * Checks fields to add to a table that may already hold rows: PostgreSQL can only add a column
 * that is nullable or has a database default, and a unique column only when it is nullable.
 */
function assertAddable(added: Field[], names: ModuleNames, others: ModuleRecord[]): void {
  for (const f of added) {
    if (f.links) continue; // a join table of its own: existing rows start with no links
    if (f.secret && !f.optional) {
      throw new GeneratorInputError(`Field "${f.spec}" is a required secret, but table "${names.table}" may already have rows (a secret takes no default): make it optional ("${f.spec}?").`);
    }
    if (!f.optional && !/ DEFAULT /.test(f.sql)) {
      throw new GeneratorInputError(
        `Field "${f.spec}" is required and has no database default, but table "${names.table}" may already have rows: ` +
          `give it a default (e.g. "${f.spec}=…") or make it optional ("${f.spec.replace(/^([^:]+:[a-z]+(?:\([^()]*\))?)/, '$1?')}").`,
      );
    }
    if (f.unique && !f.optional) {
      throw new GeneratorInputError(`Field "${f.spec}" is unique and required: existing rows of "${names.table}" would share one value; make it optional ("?").`);
    }
  }
  const taken = new Map(others.flatMap((m) => {
    const other = moduleNames(m.name);
    return parseFields(m.fields, other.Entity).flatMap((f) => (f.enumType ? [[f.enumType.name, m.name] as const] : [])).concat([[other.Entity, m.name]]);
  }));
  for (const f of added) {
    const clash = f.enumType && taken.get(f.enumType.name);
    if (clash) throw new GeneratorInputError(`Field "${f.spec}": its enum type ${f.enumType?.name} collides with module "${clash}".`);
    const wanted = (f.ref ?? f.links)?.target.name;
    if (wanted === undefined) continue;
    if (!others.some((m) => m.name === wanted)) {
      throw new GeneratorInputError(`Field "${f.spec}" references module "${wanted}", which does not exist (known: ${others.map((m) => m.name).join(', ') || 'none'}).`);
    }
  }
  assertBackRelationsFree(names, added, others);
}

/** The next record and its step: fields appended, or one field taken out. */
function nextRecord(serviceDir: string, record: ModuleRecord, names: ModuleNames, request: FieldRequest, others: ModuleRecord[]): { step: FieldStep; next: ModuleRecord; added: Field[] } {
  const current = parseFields(record.fields, names.Entity);
  const now = request.now ?? new Date();
  let fields: string;
  let step: FieldStep;
  let added: Field[] = [];
  if (request.add !== undefined) {
    const spec = normaliseSpec(request.add);
    const slug = spec.split(' ').find((item) => /^[^:]+:slug\(/.test(item));
    if (slug !== undefined) {
      throw new GeneratorInputError(`Field "${slug}": a slug is the route key, which existing rows of "${names.table}" lack, and a module's key is chosen when it is generated: add a plain optional field instead ("${slug.split(':')[0]}:string?").`);
    }
    parseFields(spec, names.Entity);
    fields = `${record.fields} ${spec}`;
    // Parsed with the module's other fields: a second ref to one module names both relations.
    added = parseFields(fields, names.Entity).slice(current.length);
    assertAddable(added, names, others);
    step = { add: spec, migration: request.migration ?? nextMigrationName(serviceDir, `add_${added.map((f) => f.name).join('_')}_to_${names.table}`, now) };
  } else {
    const name = (request.remove ?? '').trim();
    const at = current.findIndex((f) => f.name === name || f.column === name || f.ref?.relation === name);
    if (at < 0) throw new GeneratorInputError(`Module "${names.name}" has no field "${name}" (fields: ${current.map((f) => f.name).join(', ')}).`);
    if (current.length === 1) throw new GeneratorInputError(`"${name}" is the only field of "${names.name}": a module keeps at least one; destroy the module instead.`);
    const composite = parseCompositeUniques(record.unique, current, names).find((c) => c.fields.includes(current[at]?.column ?? ''));
    if (record.key !== undefined && current[at]?.name === record.key) throw new GeneratorInputError(`"${name}" is the route key of "${names.name}" (--key): it cannot be removed.`);
    const slug = current.find((f) => f.derivedFrom !== undefined && f.derivedFrom === current[at]?.name);
    if (slug) throw new GeneratorInputError(`"${name}" is the source of the slug "${slug.spec}" of "${names.name}": it cannot be removed.`);
    if (composite) throw new GeneratorInputError(`"${name}" is part of the unique index (${composite.label}) of "${names.name}" (--unique): it cannot be removed.`);
    const items = record.fields.split(' ');
    fields = items.filter((_, i) => i !== at).join(' ');
    step = { remove: items[at] as string, migration: request.migration ?? nextMigrationName(serviceDir, `remove_${current[at]?.name}_from_${names.table}`, now) };
  }
  const next: ModuleRecord = { ...record, fields, createdWith: record.createdWith ?? record.fields, history: [...(record.history ?? []), step] };
  return { step, next, added };
}

/**
 * Rewrites the registration lines that depend on a module's fields (a secret field hands the
 * auth module's hasher to the service in the composition root): each old line is replaced in
 * place by the new one.
 *
 * @param serviceDir - absolute service root.
 * @param before - the module's registration blocks rendered from its old record.
 * @param after - the same from its new record.
 * @returns one change per file whose lines differ.
 * @throws {GeneratorInputError} when an old line is no longer in its file exactly once.
 */
function registrationChanges(serviceDir: string, before: RenderedEndpoint['registrations'], after: RenderedEndpoint['registrations']): Change[] {
  const changes: Change[] = [];
  for (const [path, blocks] of after) {
    const old = before.get(path) ?? [];
    if (old.length !== blocks.length) continue;
    const content = readIfExists(serviceDir, path);
    if (content === undefined) continue;
    let lines = content.split('\n');
    blocks.forEach(([, next], b) => next.forEach((line, i) => {
      const previous = old[b]?.[1][i];
      if (previous === undefined || previous === line) return;
      const at = lines.map((l, n) => (l.trim() === previous ? n : -1)).filter((n) => n >= 0);
      if (at.length !== 1) throw new GeneratorInputError(`${path} must hold "${previous}" exactly once (found ${at.length}): change that registration by hand.`);
      const index = at[0] as number;
      const indent = /^\s*/.exec(lines[index] as string)?.[0] ?? '';
      lines = [...lines.slice(0, index), indent + line, ...lines.slice(index + 1)];
    }));
    const next = lines.join('\n');
    if (next !== content) changes.push({ kind: 'modify', path, before: content, content: next });
  }
  return changes;
}

/**
 * Patches the back-relation lines of the referenced modules' models from the module's fields
 * before the step to those after it: a line no longer rendered is removed, a new one added above
 * the marker (adding a second ref to one module also renames the first one's back-relation).
 */
function relationChanges(serviceDir: string, names: ModuleNames, before: Field[], after: Field[]): Change[] {
  const linesOf = (fields: Field[]): Map<string, string> =>
    new Map(relationRegistrations(names, fields).flatMap((r) => r.lines.map((line) => [line, r.file] as const)));
  const old = linesOf(before);
  const now = linesOf(after);
  const changes: Change[] = [];
  for (const file of new Set([...old.values(), ...now.values()])) {
    const content = readIfExists(serviceDir, file);
    if (content === undefined) throw new GeneratorInputError(`${file} is missing: cannot change the relation.`);
    let lines = content.split('\n');
    for (const [line, f] of old) {
      if (f !== file || now.has(line)) continue;
      const at = lines.findIndex((l) => l.trim() === line);
      if (at < 0) throw new GeneratorInputError(`${file} no longer holds "${line}": change the relation by hand.`);
      lines = [...lines.slice(0, at), ...lines.slice(at + 1)];
    }
    const insert = [...now].filter(([line, f]) => f === file && !old.has(line)).map(([line]) => line);
    const next = insert.length > 0 ? patchAtMarkers(file, lines.join('\n'), [['// scaffold:relations', insert]]) : lines.join('\n');
    if (next !== content) changes.push({ kind: 'modify', path: file, before: content, content: next });
  }
  return changes;
}

/**
 * Plans the `field` generator: validates the step against the module's record in `scaffold.json`,
 * renders the module from its old and its new record and merges the difference onto the files on
 * disk (three-way, so hand edits elsewhere survive), adds the step's migration (`ALTER TABLE`) and
 * records the step. Writes nothing.
 *
 * @param request - target service, module, fields to add or the field to remove.
 * @returns the plan.
 * @throws {GeneratorInputError} on an unknown module, a bad or duplicate field, a required field
 *   without a database default, an unknown field to remove, or a file edited where a patch must go
 *   (the message names the file).
 */
export function planField(request: FieldRequest): FieldPlan {
  const names = moduleNames(request.module);
  const serviceDir = resolve(request.serviceDir);
  if (!existsSync(join(serviceDir, 'package.json'))) throw new GeneratorInputError(`${serviceDir} is not a scaffold service: package.json is missing.`);
  if ((request.add === undefined) === (request.remove === undefined)) {
    throw new GeneratorInputError('Give the fields to add ("name:type …") or --remove <field>, not both.');
  }
  const { manifest, manifestText, record } = recordedModule(serviceDir, names.name);
  const others = manifest.modules.filter((m) => m !== record);
  const { step, next, added } = nextRecord(serviceDir, record, names, request, others);
  const after0 = manifest.modules.map((m) => (m === record ? next : m));
  if (added.some((f) => f.secret) && !manifest.auth) {
    throw new GeneratorInputError(`Field "${added.find((f) => f.secret)?.spec}" is a secret field, stored as its argon2id hash by the auth module's password hasher: run npx plop auth first.`);
  }
  const old = renderModule(names, record, manifest.modules, manifest.wire);
  const now = renderModule(names, next, after0, manifest.wire);
  // Modules that reference this one create its rows in their `.http` files: those bodies follow too.
  const httpOf = (m: ModuleRecord, modules: ModuleRecord[]): RenderedFile[] =>
    renderModule(moduleNames(m.name), m, modules, manifest.wire).files.filter((f) => f.path.startsWith('__http__/'));
  const changes = [
    ...mergeModuleFiles(serviceDir, old.files, now.files),
    ...relationChanges(serviceDir, names, parseFields(record.fields, names.Entity), parseFields(next.fields, names.Entity)),
    ...registrationChanges(serviceDir, old.registrations, now.registrations),
    ...others.flatMap((m) => mergeModuleFiles(serviceDir, httpOf(m, manifest.modules), httpOf(m, after0))),
  ];
  const after = { ...manifest, modules: manifest.modules.map((m) => (m === record ? next : m)) };
  changes.push({ kind: 'modify', path: MANIFEST_FILE, before: manifestText, content: formatManifest(after) });
  return { names, step, record: next, changes };
}
