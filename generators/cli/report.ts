import { writeSync } from 'node:fs';
import { GeneratorInputError } from '../errors.js';
import type { Change } from '../transaction.js';

/** The machine-readable result of one generator run (rule R14). */
export interface RunResult {
  /** `ok` written; `planned` dry-run, nothing written; `refused` bad input, nothing written; `failed` rolled back. */
  status: 'ok' | 'planned' | 'refused' | 'failed';
  /** Paths relative to the repository root, created, modified or deleted (or that would be). */
  files_changed: string[];
  errors: string[];
  /** What to do next, as a command or a sentence. */
  next_action: string;
  /** Dry-run only: every change with the lines it adds and removes. */
  plan?: PlannedChange[];
}

/** One change of a dry-run plan. */
export interface PlannedChange {
  kind: Change['kind'];
  path: string;
  added: string[];
  removed: string[];
}

/**
 * Describes changes line by line: a created file adds all its lines, a deleted one removes them,
 * a modified one adds and removes the lines that differ (multiset difference, enough for
 * anchored patches).
 *
 * @param changes - the planned changes.
 * @param prefix - prepended to each path (the service folder relative to the repository).
 * @returns the plan.
 */
export function describePlan(changes: Change[], prefix: string): PlannedChange[] {
  const minus = (a: string[], b: string[]): string[] => {
    const rest = [...b];
    return a.filter((line) => {
      const at = rest.indexOf(line);
      if (at < 0) return true;
      rest.splice(at, 1);
      return false;
    });
  };
  return changes.map((c) => {
    const before = c.kind === 'create' ? [] : c.before.split('\n');
    const after = c.kind === 'delete' ? [] : c.content.split('\n');
    return { kind: c.kind, path: prefix + c.path, added: minus(after, before), removed: minus(before, after) };
  });
}

/**
 * Turns a thrown value into a refusal or a failure result.
 *
 * @param err - what the run threw.
 * @returns the result to report.
 */
export function errorResult(err: unknown): RunResult {
  const refused = err instanceof GeneratorInputError;
  const message = err instanceof Error ? err.message : String(err);
  return {
    status: refused ? 'refused' : 'failed',
    files_changed: [],
    errors: [message],
    next_action: refused ? 'Fix the input named in errors and run the same command again.' : 'Nothing was changed; read the error, fix the cause, run again.',
  };
}

/**
 * Prints a result and ends the process: exit code 0 only for `ok` and `planned`.
 *
 * @param result - the run's result.
 * @param json - print one JSON object on stdout (otherwise human lines; errors on stderr).
 * @param human - the human lines to print instead of the default ones (without `json`).
 * @returns never.
 */
export function finish(result: RunResult, json: boolean, human?: string): never {
  if (json) {
    writeAllSync(1, `${JSON.stringify(result)}\n`);
  } else if (human !== undefined) {
    writeAllSync(result.status === 'ok' || result.status === 'planned' ? 1 : 2, `${human}\n`);
  } else if (result.status === 'ok' || result.status === 'planned') {
    const lines = result.plan
      ? result.plan.flatMap((p) => [`${p.kind} ${p.path}`, ...(p.kind === 'modify' ? [...p.added.map((l) => `  + ${l}`), ...p.removed.map((l) => `  - ${l}`)] : [])])
      : result.files_changed;
    writeAllSync(1, `${result.status === 'planned' ? 'dry run, nothing written:' : 'done:'}\n${lines.join('\n')}\nnext: ${result.next_action}\n`);
  } else {
    writeAllSync(2, `[ERROR] ${result.errors.join('\n')}\n`);
  }
  process.exit(result.status === 'ok' || result.status === 'planned' ? 0 : result.status === 'refused' ? 2 : 1);
}

/**
 * Writes all of `text` to a file descriptor before returning, so a `process.exit` right after it
 * cannot cut the output (a large `--dry-run` plan on a pipe was truncated with `process.stdout.write`,
 * which is asynchronous for pipes: Node docs, "A note on process I/O").
 *
 * @param fd - 1 (stdout) or 2 (stderr).
 * @param text - what to write.
 * @throws {Error} on a write error other than EAGAIN (a full non-blocking pipe, retried).
 */
function writeAllSync(fd: number, text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset, buffer.length - offset);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}
