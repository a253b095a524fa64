import type { NodePlopAPI } from 'plop';
import { GeneratorInputError } from '../errors.js';
import { errorResult, finish } from './report.js';

/** One example command line per generator, named in refusals of a missing argument. */
export const USAGE: Record<string, string> = {
  endpoint: 'npx plop endpoint invoices "number:string amount:decimal"',
  usecase: 'npx plop usecase invoices markPaid',
  service: 'npx plop service billing',
  destroy: 'npx plop destroy invoices',
  batch: 'npx plop batch plan.json',
};

/**
 * What a prompt answers when there is no terminal to ask on: the action sees it and refuses
 * (exit 2). A prompt never ends the process itself: inquirer turns an exit during a prompt into
 * SIGINT, exit 130.
 */
export const MISSING_ANSWER = '\u0000scaffold:missing';

/**
 * The example command of a generator: {@link USAGE}, else its prompts as placeholders.
 *
 * @param generator - the generator's name, e.g. `usecase`.
 * @param prompts - its prompts' names, in order.
 * @returns e.g. `npx plop usecase invoices markPaid`, or `npx plop auth <name>`.
 */
export function usageOf(generator: string, prompts: string[] = []): string {
  return USAGE[generator] ?? ['npx plop', generator, ...prompts.map((p) => `<${p}>`)].join(' ');
}

/**
 * The refusal for an argument left out without a terminal, or undefined when every answer is there.
 *
 * @param generator - the generator's name.
 * @param answers - the prompts' answers ({@link MISSING_ANSWER} where none could be asked).
 * @returns the error to report.
 */
export function missingArgument(generator: string, answers: Record<string, string>): GeneratorInputError | undefined {
  const missing = Object.keys(answers).filter((k) => answers[k] === MISSING_ANSWER);
  if (missing.length === 0) return undefined;
  const names = missing.map((m) => `"${m}"`).join(' and ');
  return new GeneratorInputError(`Missing ${names} and no terminal to ask on: pass ${missing.length > 1 ? 'them as arguments' : 'it as an argument'}, e.g. ${usageOf(generator, Object.keys(answers))}.`);
}

/** plop's own flags (bin/plop.js, src/plop.js) that take a value. */
const VALUE_FLAGS = new Set(['--dest', '--cwd', '--plopfile', '--preload', '--completion']);
/** plop's flags that do their work without a generator. */
const OWN_COMMANDS = new Set(['-h', '--help', '-v', '--version', '-i', '--init', '--init-ts']);

/**
 * The generator named on the command line: the first positional before `--`, skipping plop's
 * flags and their values.
 *
 * @param argv - arguments after `node plop`.
 * @returns the name, `undefined` when none is given, or `null` when plop handles the call itself
 *   (`--help`, `--version`, `--init`).
 */
export function generatorArgument(argv: string[]): string | undefined | null {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (OWN_COMMANDS.has(arg)) return null;
    if (VALUE_FLAGS.has(arg)) i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * Refuses (exit 2, one JSON object with `--json`) a command line that names no generator without a
 * terminal (plop would prompt for one and die with 130) or names an unknown one (plop would exit 1).
 * Call it after every generator is registered.
 *
 * @param plop - the plop API, generators registered.
 * @param argv - arguments after `node plop`.
 * @param interactive - whether a terminal can answer prompts.
 */
export function refuseUnknownGenerator(plop: NodePlopAPI, argv: string[] = process.argv.slice(2), interactive = Boolean(process.stdin.isTTY)): void {
  const name = generatorArgument(argv);
  if (name === null) return;
  const known = plop.getGeneratorList().map((g) => g.name);
  if (name === undefined && interactive) return;
  if (name !== undefined && known.includes(name)) return;
  const prompts = (g: string): string[] => {
    const list = plop.getGenerator(g).prompts;
    return Array.isArray(list) ? list.map((p) => String((p as { name?: unknown }).name)) : [];
  };
  const list = known.map((g) => usageOf(g, prompts(g))).join('; ');
  const message = name === undefined ? 'No generator given and no terminal to choose one on' : `Unknown generator "${name}"`;
  finish(errorResult(new GeneratorInputError(`${message}: run one of ${list}.`)), argv.includes('--json'));
}
