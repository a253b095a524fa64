// `npm run check [-- <dir>] [--json] [--only g1,g2] [--skip g1,g2]`: every quality gate of the
// rules (R5) on a service or on the whole repository, with an R14 JSON report for agents.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { duplicationGate } from './gates/duplication.js';
import { layoutGate, workTreeChanges } from './gates/layout.js';
import { lintGate } from './gates/lint.js';
import { runtimeGate } from './gates/runtime.js';
import { testsGate } from './gates/tests.js';
import { typecheckGate } from './gates/typecheck.js';
import { GATES, buildReport, formatHuman, type GateContext, type GateName, type GateResult, type Report } from './report.js';

/** Parsed command line. */
export interface CheckOptions {
  target: string;
  json: boolean;
  gates: GateName[];
}

/**
 * Parses the command line.
 *
 * @param argv - the arguments after the script name.
 * @param cwd - the folder to check when none is given.
 * @returns the options.
 * @throws {Error} on an unknown flag or gate name.
 */
export function parseArgs(argv: string[], cwd: string): CheckOptions {
  let target = cwd;
  let json = false;
  let gates: GateName[] = [...GATES];
  const list = (value: string | undefined, flag: string): GateName[] => {
    const names = (value ?? '').split(',').filter(Boolean);
    const bad = names.filter((n) => !(GATES as readonly string[]).includes(n));
    if (names.length === 0 || bad.length) throw new Error(`${flag} takes gate names from: ${GATES.join(', ')}`);
    return names as GateName[];
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--only') gates = list(argv[(i += 1)], '--only');
    else if (arg === '--skip') {
      const skipped = list(argv[(i += 1)], '--skip');
      gates = gates.filter((g) => !skipped.includes(g));
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else target = resolve(cwd, arg);
  }
  return { target, json, gates };
}

/**
 * Works out what is checked: a service folder (holds `src/` and `package.json`) or a repository
 * whose `package.json` has workspaces (its first workspace holding `src/` is the service).
 *
 * @param target - the folder given.
 * @returns the gate context.
 * @throws {Error} when the folder is neither a service nor a workspace root.
 */
export function contextFor(target: string): GateContext {
  const pkgFile = join(target, 'package.json');
  if (!existsSync(pkgFile)) throw new Error(`${target} has no package.json: give a service folder or the repository root`);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { workspaces?: string[] };
  if (pkg.workspaces?.length) {
    const service = pkg.workspaces.map((w) => join(target, w)).find((w) => existsSync(join(w, 'src')));
    if (!service) throw new Error(`no workspace of ${target} holds a src/ folder`);
    return { target, service, repo: true };
  }
  if (!existsSync(join(target, 'src'))) throw new Error(`${target} has no src/ folder: give a service folder`);
  return { target, service: target, repo: false };
}

const RUNNERS: Record<GateName, (ctx: GateContext, changes: Awaited<ReturnType<typeof workTreeChanges>>) => Promise<GateResult>> = {
  lint: (ctx) => lintGate(ctx),
  layout: (ctx, changes) => layoutGate(ctx, changes),
  duplication: (ctx) => duplicationGate(ctx),
  typecheck: (ctx) => typecheckGate(ctx),
  tests: (ctx) => testsGate(ctx),
  runtime: (ctx) => runtimeGate(ctx),
};

/**
 * Runs the chosen gates one after another (a failing gate does not stop the others).
 *
 * @param options - what to check and which gates.
 * @param progress - called before each gate (human mode prints it).
 * @returns every gate's result and the R14 report.
 */
export async function runChecks(options: CheckOptions, progress: (gate: GateName) => void = () => {}): Promise<{ results: GateResult[]; report: Report }> {
  const ctx = contextFor(options.target);
  const serviceChanges = await workTreeChanges(ctx.service);
  const targetChanges = ctx.repo ? await workTreeChanges(ctx.target) : serviceChanges;
  const results: GateResult[] = [];
  for (const gate of options.gates) {
    progress(gate);
    try {
      results.push(await RUNNERS[gate](ctx, serviceChanges));
    } catch (err) {
      results.push({ gate, errors: [{ rule: 'R5', file: '', line: 0, message: `the ${gate} gate crashed: ${(err as Error).message}` }] });
    }
  }
  const filesChanged = (targetChanges?.changed ?? []).map((p) => {
    const prefix = targetChanges?.prefix;
    return prefix && p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : p;
  });
  return { results, report: buildReport(results, filesChanged) };
}

/**
 * The command-line entry: prints the human summary (or the JSON report with `--json`) and sets
 * the exit code (0 when every gate passed, 1 otherwise, 2 on bad usage).
 *
 * @returns when done.
 */
async function main(): Promise<void> {
  let options: CheckOptions;
  try {
    options = parseArgs(process.argv.slice(2), process.cwd());
    contextFor(options.target);
  } catch (err) {
    process.stderr.write(`check: ${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const { results, report } = await runChecks(options, (gate) => {
    if (!options.json) process.stderr.write(`… ${gate}\n`);
  });
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatHuman(results)}\n${report.status === 'passed' ? 'All gates passed.' : report.next_action}\n`);
  process.exitCode = report.status === 'passed' ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) await main();
