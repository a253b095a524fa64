import { parseArgs } from 'node:util';
import { GeneratorInputError } from '../errors.js';

/** Our flags on plop's command line (placed anywhere except after `--`). */
export interface RunFlags {
  /** Print exactly one JSON object `{status, files_changed, errors, next_action}` on stdout. */
  json: boolean;
  /** Show the full plan (files to create, patches to existing files), write nothing. */
  dryRun: boolean;
  /** A requirement id (`--req=REQ-123`) whose files are recorded in traceability_matrix.json. */
  req: string | undefined;
  /** Destroy even when generated files were edited by hand. */
  force: boolean;
  /** `field <module> --remove <name>`: the field to remove. */
  remove?: string;
  /** `--auth` (true) or `--auth=<role>`: the new module's routes need a signed-in user (with that role). */
  auth?: true | string;
  /** Consent to a change that loses stored data (a drop-table migration); required without a terminal. */
  confirmDataLoss: boolean;
  /** `endpoint … --filters`: the list route filters, sorts and counts. */
  filters?: true;
  /** `service … --envelope`: the new service answers rows and pages under a named key. */
  envelope?: true;
  /** String-valued options (`--method GET`, `--usecase feed`, …), by name; absent when not given. */
  options: Record<string, string>;
}

/**
 * String-valued options some generators read, always in the `--name=value` form (like `--req=`):
 * plop itself takes `--name value` for a switch followed by one more positional argument.
 */
export const STRING_OPTIONS = ['usecase', 'method', 'scope', 'body', 'query', 'returns', 'unique', 'key', 'parent', 'on-delete'] as const;

/** Requirement ids: letters, a dash and digits, e.g. `REQ-123`. */
export const REQ_PATTERN = /^[A-Z][A-Z0-9]{0,15}-[0-9]{1,6}$/;

/**
 * Reads our flags from the process arguments. Plop ignores unknown `--flags` before `--`, so
 * `npx plop endpoint orders "…" --json --dry-run --req=REQ-1` reaches the generator intact.
 *
 * @param argv - the process arguments after `node plop`.
 * @returns the flags.
 * @throws {GeneratorInputError} on a malformed requirement id.
 */
export function readFlags(argv: string[] = process.argv.slice(2)): RunFlags {
  const end = argv.indexOf('--');
  // Plop reads `--method GET` as a switch and an extra argument: only the = form reaches us intact.
  const split = (end === -1 ? argv : argv.slice(0, end)).find((a) => (STRING_OPTIONS as readonly string[]).includes(a.slice(2)) && a.startsWith('--'));
  if (split) throw new GeneratorInputError(`Write ${split}=<value> (the = form, quoted when it holds spaces, e.g. ${split}="…"): plop reads a separate word as one more argument.`);
  const { values } = parseArgs({
    args: end === -1 ? argv : argv.slice(0, end),
    options: {
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      req: { type: 'string' },
      force: { type: 'boolean', short: 'f' },
      remove: { type: 'string' },
      'confirm-data-loss': { type: 'boolean' },
      filters: { type: 'boolean' },
      envelope: { type: 'boolean' },
      ...Object.fromEntries(STRING_OPTIONS.map((name) => [name, { type: 'string' as const }])),
    },
    strict: false,
    allowPositionals: true,
  });
  const req = typeof values.req === 'string' ? values.req : undefined;
  if (values.req !== undefined && (req === undefined || !REQ_PATTERN.test(req))) {
    throw new GeneratorInputError(`Requirement id "${String(values.req)}" is invalid: write --req=REQ-123.`);
  }
  if (values.remove !== undefined && typeof values.remove !== 'string') {
    throw new GeneratorInputError('--remove needs the field to remove, e.g. npx plop field customers --remove phone.');
  }
  const remove = typeof values.remove === 'string' ? { remove: values.remove } : {};
  // `--auth` is read without a declared type, so plain `--auth` is true and `--auth=admin` a string.
  const auth = values.auth === true || (typeof values.auth === 'string' && values.auth !== '') ? values.auth : undefined;
  const options: Record<string, string> = {};
  for (const name of STRING_OPTIONS) {
    const value = values[name];
    if (value === true) throw new GeneratorInputError(`--${name} needs a value: write --${name}=<value>.`);
    if (typeof value === 'string') options[name] = value;
  }
  return {
    json: values.json === true,
    dryRun: values['dry-run'] === true,
    req,
    force: values.force === true,
    confirmDataLoss: values['confirm-data-loss'] === true,
    options,
    ...remove,
    ...(auth !== undefined ? { auth } : {}),
    ...(values.filters === true ? { filters: true as const } : {}),
    ...(values.envelope === true ? { envelope: true as const } : {}),
  };
}
