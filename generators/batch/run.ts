import { relative, resolve } from 'node:path';
import { acquireLock } from '../cli/lock.js';
import { errorResult, type RunResult } from '../cli/report.js';
import { generatePrismaClient } from '../endpoint/index.js';
import { applyAll, invert, type Change } from '../transaction.js';
import { gateErrors, runGates, type GateReport } from './gates.js';
import { assertCommittable, assertUnchanged, commitBatch, commitMessage } from './git.js';
import { planBatch, type BatchContext, type StepOutcome } from './plan.js';
import { readPlan } from './schema.js';
import { taskLine } from './steps.js';

/** The result of `npx plop batch <plan> --json`: the R14 object plus the batch's steps and gates. */
export interface BatchResult extends RunResult {
  /** The batch's name (absent when the plan could not be read). */
  batch?: string;
  /** One entry per step, in order. */
  steps: StepOutcome[];
  /** The gates' report, once they ran. */
  gates?: GateReport;
  /** With `--commit`, after a green batch: the commit made. */
  commit?: { sha: string; message: string };
  /** Milliseconds spent planning, writing (with prisma generate), in the gates, overall. */
  timings: { plan_ms: number; apply_ms: number; gates_ms: number; total_ms: number };
}

/** What a batch run is asked to do. */
export interface BatchRequest extends Omit<BatchContext, 'prefix'> {
  /** Absolute repository root (reported paths are relative to it). */
  repoRoot: string;
  /** The plan file, absolute, and as typed (for messages). */
  planFile: string;
  shownPlan: string;
  /** Commit the batch once its gates pass. */
  commit: boolean;
  /** Progress lines (human mode prints them on stderr). */
  progress?(line: string): void;
}

/**
 * Runs a batch (rule R15): reads and validates the plan, plans every step against the state the
 * previous steps leave (in a scratch copy), refuses the whole batch with nothing written when any
 * step is refused, else writes every change as one transaction, regenerates the Prisma client,
 * runs every gate, and on red rolls every change back; on green, with `commit`, makes one commit.
 * The service's run lock is held from planning to the commit.
 *
 * @param request - plan, service, flags.
 * @returns the result; never throws.
 */
export async function executeBatch(request: BatchRequest): Promise<BatchResult> {
  const started = Date.now();
  const timings = { plan_ms: 0, apply_ms: 0, gates_ms: 0, total_ms: 0 };
  const serviceDir = resolve(request.serviceDir);
  const prefix = relative(request.repoRoot, serviceDir);
  const at = (path: string): string => (prefix ? `${prefix}/${path}` : path);
  const done = (result: Omit<BatchResult, 'timings'>): BatchResult => ({ ...result, timings: { ...timings, total_ms: Date.now() - started } });
  const stopped = (err: unknown, steps: StepOutcome[] = [], batch?: string): BatchResult => done({ ...errorResult(err), ...(batch ? { batch } : {}), steps });
  let release: (() => void) | undefined;
  let batch: string | undefined;
  let steps: StepOutcome[] = [];
  let written: Change[] = [];
  try {
    const plan = readPlan(request.planFile, request.shownPlan);
    batch = plan.batch;
    if (request.commit && !request.dryRun) assertCommittable(serviceDir);
    release = acquireLock(serviceDir);
    const planned = planBatch(plan, { ...request, serviceDir, prefix });
    steps = planned.steps;
    timings.plan_ms = Date.now() - started;
    if (planned.refusal) return stopped(planned.refusal, steps, batch);
    const files = planned.changes.map((c) => at(c.path));
    if (request.dryRun) {
      return done({ status: 'planned', batch, steps, files_changed: files, errors: [], next_action: `Run the same command without --dry-run to apply the ${steps.length} step(s), run every gate and${request.commit ? '' : ' (with --commit)'} commit once.` });
    }
    if (request.commit) assertUnchanged(serviceDir, planned.changes.map((c) => c.path));
    const applying = Date.now();
    request.progress?.(`writing ${planned.changes.length} change(s) of ${steps.length} step(s)`);
    applyAll(serviceDir, planned.changes);
    written = planned.changes;
    if (planned.generateClient) generatePrismaClient(serviceDir);
    timings.apply_ms = Date.now() - applying;
    // Stopped while the gates run (Ctrl-C, a CI timeout): nothing of the batch stays.
    const interrupted = (signal: NodeJS.Signals): void => {
      rollBack(serviceDir, written, planned.generateClient);
      release?.();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    // First in line: plop's spinner listens too and exits at once (143) without our rollback.
    process.prependOnceListener('SIGINT', interrupted).prependOnceListener('SIGTERM', interrupted);
    const gates = await runGates(serviceDir, (gate) => request.progress?.(`gate ${gate}`)).finally(() => {
      process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    });
    timings.gates_ms = gates.duration_ms;
    if (gates.status === 'failed') {
      rollBack(serviceDir, written, planned.generateClient);
      written = [];
      for (const s of steps) s.status = 'rolled-back';
      return done({
        status: 'failed', batch, steps, gates, files_changed: [], errors: [`the ${gates.failed.join(', ')} gate(s) failed: every change of the batch was rolled back`, ...gateErrors(gates)],
        next_action: `Nothing of the batch is left. ${gates.next_action.replace(/, then run npm run check again\.$/, '')}, then run the batch again.`,
      });
    }
    let commit: BatchResult['commit'];
    if (request.commit) {
      const message = commitMessage(serviceDir, plan.batch, plan.steps.map(taskLine));
      commit = { sha: commitBatch(serviceDir, planned.changes.map((c) => c.path), message), message };
    }
    for (const s of steps) s.status = 'ok';
    const install = planned.changes.some((c) => c.path === 'package.json') ? 'Run npm install (the batch added dependencies). ' : '';
    const next = commit ? 'Every gate passed and the batch is committed: plan the next batch.' : `Every gate passed: commit the batch's ${files.length} file(s) once, listing its tasks (or run it with --commit next time).`;
    return done({ status: 'ok', batch, steps, gates, ...(commit ? { commit } : {}), files_changed: files, errors: [], next_action: `${install}${next}` });
  } catch (err) {
    if (written.length > 0) {
      rollBack(serviceDir, written, true);
      for (const s of steps) s.status = 'rolled-back';
    }
    return stopped(err, steps, batch);
  } finally {
    release?.();
  }
}

/** Undoes every change of the batch and brings the Prisma client back in line with the schema. */
function rollBack(serviceDir: string, changes: Change[], generateClient: boolean): void {
  applyAll(serviceDir, invert(changes));
  if (generateClient) {
    try {
      generatePrismaClient(serviceDir);
    } catch {
      // The files are restored; the client is regenerated by the next generator run or npm install.
    }
  }
}
