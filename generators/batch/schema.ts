import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { GeneratorInputError } from '../errors.js';
import { REQ_PATTERN } from '../cli/flags.js';
import { MODULE_NAME_PATTERN } from '../naming.js';
import { USECASE_NAME_PATTERN } from '../usecase/render.js';
import { USECASE_METHODS, USECASE_RETURNS, USECASE_SCOPES } from '../usecase/shape.js';

/** Batch names: lower-case words joined by `-`, like service names (`orders-feature`). */
export const BATCH_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Task ids: a letter or digit, then letters, digits, `.`, `_` or `-` (`T1`, `TASK-12`). */
export const TASK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

const pattern = (re: RegExp, what: string) => z.string().regex(re, { error: `must be ${what} (pattern ${re.source})` }).describe(what);
const moduleName = pattern(MODULE_NAME_PATTERN, 'a module name: lower camelCase, 2-40 characters, e.g. invoices');
const spec = (what: string) => z.string().trim().min(1, { error: 'must not be empty' }).describe(`${what}: field spec, same grammar as endpoint (field_grammar)`);

/** What every step may carry besides its command: a task id (commit message, log) and a requirement id (traceability). */
const tracked = {
  task: pattern(TASK_ID_PATTERN, 'task id, e.g. T1 (named in the commit message and the change log)').optional(),
  req: pattern(REQ_PATTERN, 'requirement id, e.g. REQ-12: the step\'s files are recorded under it in traceability_matrix.json').optional(),
};

const endpointStep = z.strictObject({
  generator: z.literal('endpoint'),
  name: moduleName,
  fields: spec('the module\'s fields'),
  auth: z.union([z.literal(true), z.string().min(1)]).optional().describe('--auth: every route needs a signed-in user (needs an auth step or npx plop auth first)'),
  unique: z.string().trim().min(1).optional().describe('--unique: composite unique indexes, e.g. "follower,followed" (groups separated by spaces)'),
  key: z.string().trim().min(1).optional().describe('--key: the unique field the item routes are addressed by, e.g. "slug"'),
  filters: z.literal(true).optional().describe('--filters: the list route filters on every field, sorts (?sort=) and counts (total)'),
  parent: moduleName.optional().describe('--parent: nest the routes under one row of this module (needs a required ref to it)'),
  onDelete: z.enum(['cascade', 'restrict']).optional().describe('--on-delete: what deleting the parent does to its nested rows (default restrict)'),
  ...tracked,
}).describe('npx plop endpoint <name> "<fields>" [--auth] [--unique=a,b] [--key=<field>] [--filters] [--parent=<module>] [--on-delete=cascade|restrict]');

const usecaseStep = z.strictObject({
  generator: z.literal('usecase'),
  module: moduleName,
  name: pattern(USECASE_NAME_PATTERN, 'a use case name: lower camelCase, not create/get/list/update/remove'),
  method: z.enum(USECASE_METHODS).optional().describe('--method= (default POST)'),
  scope: z.enum(USECASE_SCOPES).optional().describe('--scope= (default item)'),
  body: spec('--body=').optional(),
  query: spec('--query=').optional(),
  returns: z.enum(USECASE_RETURNS).optional().describe('--returns='),
  auth: z.string().min(1).optional().describe('--auth=<role>: the route also needs this role (a module generated with --auth)'),
  ...tracked,
}).describe('npx plop usecase <module> <name> [--method= --scope= --body= --query= --returns= --auth=<role>]');

const fieldStep = z.strictObject({
  generator: z.literal('field'),
  module: moduleName,
  fields: spec('fields to add').optional(),
  remove: z.string().trim().min(1).optional().describe('--remove: the field to remove, by name'),
  ...tracked,
}).refine((s) => s.fields !== undefined || s.remove !== undefined, { error: 'needs "fields" (to add) or "remove" (a field to remove)', path: ['fields'] })
  .describe('npx plop field <module> "<fields>" | npx plop field <module> --remove <name>');

const destroyStep = z.strictObject({
  generator: z.literal('destroy'),
  name: z.string().min(1).describe('a recorded module, or auth'),
  usecase: pattern(USECASE_NAME_PATTERN, 'a use case of the module').optional().describe('--usecase=: remove only this use case'),
  force: z.boolean().optional().describe('--force: remove even files edited by hand'),
  confirmDataLoss: z.boolean().optional().describe('--confirm-data-loss: consent to a drop-table migration'),
  ...tracked,
}).describe('npx plop destroy <name> [--usecase=] [--force] [--confirm-data-loss]');

const authStep = z.strictObject({ generator: z.literal('auth'), ...tracked }).describe('npx plop auth');

/** One step of a batch: one generator command with its arguments, as on the command line. */
export const stepSchema = z.discriminatedUnion('generator', [endpointStep, usecaseStep, fieldStep, destroyStep, authStep]);

/** A batch plan file: a name and the steps, applied in order, verified and committed as one unit (R15). */
export const planSchema = z.strictObject({
  $schema: z.string().optional().describe('ignored; lets an editor find this schema'),
  batch: pattern(BATCH_NAME_PATTERN, 'the batch\'s name: lower-case words joined by -, e.g. suppliers-feature'),
  description: z.string().optional().describe('what the batch is for (the change log\'s objective)'),
  steps: z.array(stepSchema).min(1, { error: 'needs at least one step' }).max(100, { error: 'holds at most 100 steps' }),
}).describe('npx plop batch <plan>: every step planned against the state the previous ones leave, applied all or nothing, checked by every gate, committed once');

/** A parsed plan. */
export type BatchPlan = z.infer<typeof planSchema>;
/** A parsed step. */
export type BatchStep = z.infer<typeof stepSchema>;
/** The generators a step may run. */
export const STEP_GENERATORS = stepSchema.options.map((o) => o.shape.generator.value);

/**
 * The plan file's JSON Schema (draft 2020-12), derived from the zod schema that validates it, as
 * `npx plop describe --json` publishes it under `batch_plan`.
 *
 * @returns the schema.
 */
export function planJsonSchema(): object {
  return z.toJSONSchema(planSchema, { target: 'draft-2020-12', io: 'input' });
}

/** Where a zod issue points, in words: `step 4 (usecase), field "method"`. */
function where(path: PropertyKey[], raw: unknown): string {
  const [top, index, ...rest] = path;
  if (top !== 'steps' || typeof index !== 'number') return path.length ? `field "${path.join('.')}"` : 'the plan';
  const step = (raw as { steps?: { generator?: unknown }[] }).steps?.[index];
  const generator = STEP_GENERATORS.some((g) => g === step?.generator) ? ` (${String(step?.generator)})` : '';
  return `step ${index + 1}${generator}${rest.length ? `, field "${rest.join('.')}"` : ''}`;
}

/**
 * Validates a plan, refusing with every problem named by its step (1-based) and field.
 *
 * @param raw - the parsed file.
 * @param source - the file, for the message.
 * @returns the plan.
 * @throws {GeneratorInputError} e.g. `plan.json: step 4 (usecase), field "method": …`.
 */
export function validatePlan(raw: unknown, source: string): BatchPlan {
  const result = planSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? `: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `: ${issue.message}`;
    const message = issue.code === 'invalid_union' && issue.path.at(-1) === 'generator' ? `: must be one of ${STEP_GENERATORS.join(', ')}` : keys;
    return `${where(issue.path, raw)}${message}`;
  });
  throw new GeneratorInputError(`${source} is not a valid batch plan (see batch_plan in npx plop describe --json): ${problems.join('; ')}.`);
}

/**
 * Reads and validates a plan file: JSON, or YAML for `.yaml`/`.yml` (the `yaml` package, YAML 1.2).
 *
 * @param file - the plan's path.
 * @param shown - how the message names it (as typed).
 * @returns the plan.
 * @throws {GeneratorInputError} when the file is missing, unparsable or not a valid plan.
 */
export function readPlan(file: string, shown = file): BatchPlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new GeneratorInputError(`Plan file ${shown} cannot be read: give the path of a .json or .yaml plan, e.g. npx plop batch plan.json.`);
  }
  let raw: unknown;
  try {
    raw = /^\.ya?ml$/i.test(extname(file)) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new GeneratorInputError(`Plan file ${shown} is not valid ${/^\.ya?ml$/i.test(extname(file)) ? 'YAML' : 'JSON'}: ${(err as Error).message.split('\n')[0]}`);
  }
  return validatePlan(raw, shown);
}
