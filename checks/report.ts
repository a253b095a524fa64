import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One problem a gate found: the rule it breaks (`R1`–`R20`), where, and what. */
export interface CheckError {
  rule: string;
  /** Path relative to the checked folder (empty when the problem has no file). */
  file: string;
  /** 1-based line, 0 when the problem has no line. */
  line: number;
  message: string;
}

/** What one gate reports. */
export interface GateResult {
  gate: GateName;
  errors: CheckError[];
  /** Set when the gate did not run (e.g. R9 outside a git work tree), with the reason. */
  skipped?: string;
}

/** The machine-readable report of `npm run check -- --json` (rule R14). */
export interface Report {
  status: 'passed' | 'failed';
  files_changed: string[];
  errors: CheckError[];
  next_action: string;
}

/** The gates, in the order they run. */
export const GATES = ['lint', 'layout', 'duplication', 'typecheck', 'tests', 'runtime'] as const;
/** A gate's name. */
export type GateName = (typeof GATES)[number];

/** The repository holding the check tooling (its `node_modules` has every checker). */
export const TOOLING_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What a gate needs to know. */
export interface GateContext {
  /** The folder being checked: a service, or the repository root. */
  target: string;
  /** The service whose runtime, tests and layout are checked. */
  service: string;
  /** True when the target is the repository (workspace root), not a lone service. */
  repo: boolean;
}

/**
 * Resolves a checker's executable from the tooling's own `node_modules/.bin`.
 *
 * @param name - the binary's name, e.g. `tsc`.
 * @returns its absolute path.
 * @throws {Error} when the binary is not installed (run `npm install` at the repository root).
 */
export function toolBin(name: string): string {
  const path = join(TOOLING_ROOT, 'node_modules', '.bin', name);
  if (!existsSync(path)) throw new Error(`${name} is not installed: run npm install at ${TOOLING_ROOT}`);
  return path;
}

/** The outcome of a finished child process. */
export interface ProcessOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion without standard input and collects its output.
 *
 * @param command - the executable.
 * @param args - its arguments.
 * @param cwd - the working folder.
 * @param env - extra environment variables.
 * @param stdoutFile - when given, the child's standard output goes to this file (read back into
 *   `stdout` once it exits). A CLI that calls `process.exit()` right after a large write to a pipe
 *   loses the unflushed tail (Node writes to pipes asynchronously, to files synchronously: see
 *   the "A note on process I/O" section of Node's `process` docs); a file keeps it whole.
 * @returns its exit code and output.
 */
export function runProcess(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdoutFile?: string): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const fd = stdoutFile ? openSync(stdoutFile, 'w') : undefined;
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env }, stdio: ['ignore', fd ?? 'pipe', 'pipe'] });
    if (fd !== undefined) closeSync(fd); // the child holds its own copy
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
    const done = (code: number | null, extra = ''): void => {
      if (stdoutFile) stdout = readFileSync(stdoutFile, 'utf8');
      resolve({ code, stdout, stderr: `${stderr}${extra}` });
    };
    child.on('error', (err) => done(-1, err.message));
    child.on('close', (code) => done(code));
  });
}

/**
 * A path relative to the checked folder, with forward slashes.
 *
 * @param ctx - the gate context.
 * @param file - an absolute or relative path.
 * @returns the path relative to `ctx.target`.
 */
export function rel(ctx: GateContext, file: string): string {
  return relative(ctx.target, file).split('\\').join('/');
}

/**
 * Builds the R14 report from every gate's result.
 *
 * @param results - the gates' results.
 * @param filesChanged - the files changed in the work tree (from git), if known.
 * @returns the report; `next_action` names the first thing to fix, or what to do next.
 */
export function buildReport(results: GateResult[], filesChanged: string[]): Report {
  const errors = results.flatMap((r) => r.errors);
  if (errors.length === 0) {
    return { status: 'passed', files_changed: filesChanged, errors, next_action: 'Commit the change: every gate passed.' };
  }
  const first = errors[0] as CheckError;
  const where = first.file ? ` in ${first.file}${first.line ? `:${first.line}` : ''}` : '';
  const more = errors.length > 1 ? ` (then ${errors.length - 1} more)` : '';
  return {
    status: 'failed',
    files_changed: filesChanged,
    errors,
    next_action: `Fix ${first.rule}${where}: ${first.message.split('\n')[0]}${more}, then run npm run check again.`,
  };
}

/**
 * Renders a report for people: one line per problem, grouped by gate.
 *
 * @param results - the gates' results.
 * @returns the text to print.
 */
export function formatHuman(results: GateResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const state = r.skipped ? `skipped (${r.skipped})` : r.errors.length === 0 ? 'ok' : `${r.errors.length} problem(s)`;
    lines.push(`${r.errors.length ? '✗' : '✓'} ${r.gate}: ${state}`);
    for (const e of r.errors) lines.push(`    ${e.rule} ${e.file}${e.line ? `:${e.line}` : ''} ${e.message}`);
  }
  return lines.join('\n');
}
