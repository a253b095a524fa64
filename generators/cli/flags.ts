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
}

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
  const { values } = parseArgs({
    args: end === -1 ? argv : argv.slice(0, end),
    options: {
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      req: { type: 'string' },
      force: { type: 'boolean', short: 'f' },
      remove: { type: 'string' },
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
  return { json: values.json === true, dryRun: values['dry-run'] === true, req, force: values.force === true, ...remove, ...(auth !== undefined ? { auth } : {}) };
}
