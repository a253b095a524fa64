import { relative, resolve } from 'node:path';
import { applyAll, invert, type Change } from '../transaction.js';
import { recordRun } from './changelog.js';
import type { RunFlags } from './flags.js';
import { acquireLock } from './lock.js';
import { describePlan, errorResult, type RunResult } from './report.js';

/** What a generator computes before anything is written. */
export interface JobPlan {
  changes: Change[];
  objective: string;
  reuse: string;
  nextAction: string;
  /** Append to BACKEND-LOG.md; overrides {@link Job.record}. */
  record?: boolean;
}

/** One generator run against one service. */
export interface Job {
  /** Absolute service root. */
  serviceDir: string;
  /** Absolute repository root (paths in results are relative to it). */
  repoRoot: string;
  /** `<generator> <args>`, e.g. `endpoint orders` (the log chunk's marker). */
  run: string;
  /** Validates everything and computes every change; writes nothing. */
  plan(): JobPlan;
  /** Runs after writing (e.g. `prisma generate`); when it throws, every change is undone. */
  after?(): void;
  /** Append to BACKEND-LOG.md (default true). */
  record?: boolean;
}

/**
 * Quotes one argument the way a POSIX shell reads it back (double quotes when it holds anything
 * but safe characters).
 *
 * @param arg - the argument.
 * @returns it as typed on a command line.
 */
export const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `"${arg.replaceAll('"', '\\"')}"`);

/**
 * The command line of this process as a user would type it (for the change log).
 *
 * @returns e.g. `npx plop endpoint orders "total:decimal"`.
 */
export function commandLine(): string {
  return ['npx plop', ...process.argv.slice(2).map(quote)].join(' ');
}

/**
 * Runs a job under the service's run lock: plan (refusals write nothing), then either report the
 * plan (dry run) or write every change or none, run the after-step, and report.
 *
 * @param job - the generator run.
 * @param flags - dry run, requirement id.
 * @returns the result; never throws.
 */
export function executeJob(job: Job, flags: Pick<RunFlags, 'dryRun' | 'req'>): RunResult {
  let release: (() => void) | undefined;
  try {
    release = acquireLock(resolve(job.serviceDir));
    const plan = job.plan();
    const story = { run: job.run, objective: plan.objective, reuse: plan.reuse, commands: [commandLine()], req: flags.req };
    const changes = (plan.record ?? job.record) === false ? plan.changes : [...plan.changes, ...recordRun(job.serviceDir, plan.changes, story)];
    const prefix = relative(job.repoRoot, job.serviceDir);
    const paths = changes.map((c) => (prefix ? `${prefix}/${c.path}` : c.path));
    if (flags.dryRun) {
      return { status: 'planned', files_changed: paths, errors: [], next_action: 'Run the same command without --dry-run to write these changes.', plan: describePlan(changes, prefix ? `${prefix}/` : '') };
    }
    applyAll(job.serviceDir, changes, { failAtWrite: Number(process.env.SCAFFOLD_FAIL_AT_WRITE) || undefined });
    try {
      job.after?.();
    } catch (err) {
      applyAll(job.serviceDir, invert(changes));
      throw err;
    }
    return { status: 'ok', files_changed: paths, errors: [], next_action: plan.nextAction };
  } catch (err) {
    return errorResult(err);
  } finally {
    release?.();
  }
}
