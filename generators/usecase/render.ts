import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GeneratorInputError } from '../errors.js';
import type { Field } from '../fields.js';
import { isReservedName, type ModuleNames } from '../naming.js';
import { renderString, type RenderedFile } from '../render.js';
import type { ModuleShape } from '../endpoint/view.js';
import type { UsecaseRecord } from './shape.js';
import { usecaseView } from './view.js';

/**
 * Folder of the use case fragments. Each fragment is `<target file>/<marker>.hbs`: the folder path
 * mirrors the endpoint template it patches (`[name]` placeholders), the file name is the marker
 * (`// scaffold:<marker>`, `# scaffold:<marker>` in `.http` files) it is inserted above, verbatim.
 */
export const USECASE_TEMPLATES = fileURLToPath(new URL('../../templates/usecase', import.meta.url));

/** The operations every module already has; a use case may not take their names. */
export const CRUD_OPERATIONS = ['create', 'get', 'list', 'update', 'remove'];

/** Use case names: lower camelCase ASCII, 2–40 characters, e.g. `markPaid`, `ship`. */
export const USECASE_NAME_PATTERN = /^[a-z][a-zA-Z0-9]{1,39}$/;

/** Every spelling of a use case's name that fragments need. */
export interface UsecaseNames {
  /** As given: service function, e.g. `markPaid`. */
  usecase: string;
  /** URL path segment, e.g. `mark-paid`. */
  usecaseRoute: string;
  /** Human words, e.g. `mark paid`. */
  usecaseWords: string;
  /** Capitalised words, e.g. `Mark paid`. */
  UsecaseWords: string;
}

/**
 * Validates a use case name and derives its spellings.
 *
 * @param raw - the name as typed, e.g. `markPaid`.
 * @returns the derived names.
 * @throws {GeneratorInputError} when the name is empty, not lower camelCase, reserved or the name
 *   of a CRUD operation.
 */
export function usecaseNames(raw: string): UsecaseNames {
  const usecase = raw.trim();
  if (usecase === '') throw new GeneratorInputError('Use case name is empty: give a name such as "markPaid".');
  if (!USECASE_NAME_PATTERN.test(usecase)) {
    throw new GeneratorInputError(`Use case name "${raw}" is invalid: use 2-40 letters/digits in lower camelCase, starting with a letter (e.g. "markPaid", "ship").`);
  }
  if (isReservedName(usecase)) throw new GeneratorInputError(`Use case name "${usecase}" is a reserved word: choose another name.`);
  if (CRUD_OPERATIONS.includes(usecase)) {
    throw new GeneratorInputError(`Use case name "${usecase}" is a CRUD operation every module already has (${CRUD_OPERATIONS.join(', ')}): choose another name.`);
  }
  const words = usecase.split(/(?=[A-Z])|(?<=[a-z])(?=[0-9])/).map((w) => w.toLowerCase());
  const usecaseWords = words.join(' ');
  return { usecase, usecaseRoute: words.join('-'), usecaseWords, UsecaseWords: usecaseWords.charAt(0).toUpperCase() + usecaseWords.slice(1) };
}

/** One fragment: the file it patches (with `[name]`), its marker line and its Handlebars source. */
export interface UsecaseFragment {
  file: string;
  marker: string;
  source: string;
}

const listFragments = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFragments(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));

/**
 * Reads the use case fragments, in a stable order.
 *
 * @returns every fragment under {@link USECASE_TEMPLATES}.
 */
export function usecaseFragments(): UsecaseFragment[] {
  return listFragments(USECASE_TEMPLATES)
    .sort()
    .map((abs) => {
      const rel = relative(USECASE_TEMPLATES, abs).split('\\').join('/');
      const file = rel.slice(0, rel.lastIndexOf('/'));
      const name = rel.slice(rel.lastIndexOf('/') + 1).replace(/\.hbs$/, '');
      return { file, marker: `${file.endsWith('.http') ? '#' : '//'} scaffold:${name}`, source: readFileSync(abs, 'utf8') };
    });
}

/**
 * Inserts lines just above a marker line (verbatim: fragments carry their own indentation).
 *
 * @param path - the file, for messages.
 * @param before - its content.
 * @param marker - the marker line (trimmed).
 * @param lines - the lines to insert.
 * @returns the patched content.
 * @throws {GeneratorInputError} when the marker is missing or repeated.
 */
export function insertAboveMarker(path: string, before: string, marker: string, lines: string[]): string {
  const all = before.split('\n');
  const at = all.map((l, i) => (l.trim() === marker ? i : -1)).filter((i) => i >= 0);
  if (at.length !== 1) {
    throw new GeneratorInputError(`${path} must hold the marker line "${marker}" exactly once (found ${at.length}): add it where use cases attach, or regenerate the module.`);
  }
  const index = at[0] as number;
  return [...all.slice(0, index), ...lines, ...all.slice(index)].join('\n');
}

/**
 * The patches of one use case: file (relative to the service) → marker → rendered lines. A fragment
 * that renders to nothing for this shape (e.g. the body schema of a use case without a body) is no
 * patch, so the default shape needs only the markers it always needed.
 *
 * @param names - the module's names.
 * @param fields - its fields.
 * @param usecase - the use case's record: its name (default shape) or name and shape.
 * @param auth - the module's `--auth` or its role (its routes need a token; an owner field makes the use case take the actor).
 * @param shape - the module's `--key` (its item routes are `/<route>/:<key>`) and the service's wire envelope.
 * @returns one entry per fragment that renders to something.
 * @throws {GeneratorInputError} when the name or the shape's body/query is invalid.
 */
export function renderUsecasePatches(names: ModuleNames, fields: Field[], usecase: UsecaseRecord, auth?: true | string, shape: Pick<ModuleShape, 'key' | 'envelope'> = {}): { path: string; marker: string; lines: string[] }[] {
  const view = usecaseView(names, fields, usecase, auth, shape);
  return usecaseFragments().flatMap((f) => {
    const text = renderString(f.source, view);
    return text === '' ? [] : [{ path: f.file.replaceAll('[name]', names.name), marker: f.marker, lines: text.replace(/\n$/, '').split('\n') }];
  });
}

/**
 * Applies recorded use cases to a module's freshly rendered files (so destroy and regeneration
 * compare with and reproduce what `usecase` wrote).
 *
 * @param files - the module's rendered files.
 * @param names - its names.
 * @param fields - its fields.
 * @param usecases - recorded use cases, in order.
 * @param auth - the module's `--auth`.
 * @param shape - the module's `--key` and the service's wire envelope.
 * @returns the files with every use case patched in.
 */
export function withUsecases(files: RenderedFile[], names: ModuleNames, fields: Field[], usecases: UsecaseRecord[], auth?: true | string, shape: Pick<ModuleShape, 'key' | 'envelope'> = {}): RenderedFile[] {
  const patches = usecases.flatMap((u) => renderUsecasePatches(names, fields, u, auth, { key: shape.key, envelope: shape.envelope }));
  return files.map((file) => ({
    ...file,
    content: patches.filter((p) => p.path === file.path).reduce((text, p) => insertAboveMarker(p.path, text, p.marker, p.lines), file.content),
  }));
}
