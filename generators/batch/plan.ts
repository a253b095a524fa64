import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { recordRun, traceChange } from '../cli/changelog.js';
import { describePlan, type PlannedChange } from '../cli/report.js';
import type { JobPlan } from '../cli/runner.js';
import { GeneratorInputError } from '../errors.js';
import type { JobFactory } from '../plop.js';
import { applyAll, type Change } from '../transaction.js';
import type { BatchPlan } from './schema.js';
import { makeScratch, diffPaths } from './scratch.js';
import { stepCommand, stepInput, stepLabel } from './steps.js';

/** What became of one step. */
export interface StepOutcome {
  /** 1-based position in the plan. */
  step: number;
  task?: string;
  req?: string;
  generator: string;
  /** The equivalent command, e.g. `npx plop usecase purchases approve`. */
  command: string;
  /** `planned` (would apply), `ok` (applied and committed or kept), `refused`, `not-run` (after a refusal), `rolled-back`. */
  status: 'planned' | 'ok' | 'refused' | 'not-run' | 'rolled-back';
  /** The step's own changes, relative to the repository root. */
  files_changed: string[];
  /** What the step does, as its generator tells the change log. */
  objective?: string;
  errors: string[];
  /** Dry run: the step's changes line by line. */
  plan?: PlannedChange[];
}

/** A batch planned in a scratch copy: its steps and the one change set that applies them all. */
export interface PlannedBatch {
  steps: StepOutcome[];
  /** Every change of the batch against the service (change log and traceability included). */
  changes: Change[];
  /** A step's generator regenerates the Prisma client after writing. */
  generateClient: boolean;
  /** Set when a step was refused (or failed): nothing may be written. */
  refusal?: Error;
}

/** What planning needs. */
export interface BatchContext {
  /** Absolute service root. */
  serviceDir: string;
  /** The service relative to the repository root, `''` when it is the root (prefix of reported paths). */
  prefix: string;
  /** The job factory of a generator, as plop registered it. */
  factoryOf(generator: string): JobFactory | undefined;
  dryRun: boolean;
  /** `npx plop batch …` as typed, for the change log. */
  commandLine: string;
}

/**
 * Plans a batch: runs each step's own generator (plan, then write) in a scratch copy of the
 * service, in order, so a step sees what the earlier ones did; then adds one change-log chunk
 * listing every task and the traceability of each step's requirement id; and diffs the copy
 * against the service into one change set. The service itself is never written.
 *
 * @param plan - the validated plan.
 * @param ctx - service, factories, dry run.
 * @returns the steps and changes; `refusal` names the first step that was refused.
 */
export function planBatch(plan: BatchPlan, ctx: BatchContext): PlannedBatch {
  const at = (path: string): string => (ctx.prefix ? `${ctx.prefix}/${path}` : path);
  const steps: StepOutcome[] = plan.steps.map((step, i) => ({
    step: i + 1, ...(step.task ? { task: step.task } : {}), ...(step.req ? { req: step.req } : {}),
    generator: step.generator, command: `npx plop ${stepCommand(step)}`, status: 'not-run', files_changed: [], errors: [],
  }));
  const scratch = makeScratch(ctx.serviceDir);
  const planned: PlannedBatch = { steps, changes: [], generateClient: false };
  try {
    const touched: string[] = [];
    const jobs: JobPlan[] = [];
    for (const [i, step] of plan.steps.entries()) {
      const outcome = steps[i] as StepOutcome;
      try {
        const { answers, flags } = stepInput(step, ctx.dryRun);
        const factory = ctx.factoryOf(step.generator);
        if (!factory) throw new GeneratorInputError(`the generator "${step.generator}" is not registered`);
        const job = factory(answers, scratch.dir, flags);
        const jobPlan = job.plan();
        applyAll(scratch.dir, jobPlan.changes);
        jobs.push(jobPlan);
        planned.generateClient ||= job.after !== undefined;
        touched.push(...jobPlan.changes.map((c) => c.path));
        Object.assign(outcome, { status: 'planned', objective: jobPlan.objective, files_changed: jobPlan.changes.map((c) => at(c.path)) });
        if (ctx.dryRun) outcome.plan = describePlan(jobPlan.changes, ctx.prefix ? `${ctx.prefix}/` : '');
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        Object.assign(outcome, { status: 'refused', errors: [message] });
        const text = `${stepLabel(step, i)} was refused: ${message} Nothing of the batch was written.`;
        planned.refusal = err instanceof GeneratorInputError ? new GeneratorInputError(text) : new Error(text);
        return planned;
      }
    }
    // One chunk for the whole batch (none when every step is one that leaves no trace, e.g. undoing uncommitted work).
    const stepChanges = diffPaths(ctx.serviceDir, scratch.dir, touched);
    if (jobs.some((j) => j.record !== false)) {
      const story = {
        run: `batch ${plan.batch}`,
        objective: plan.description ?? `Batch \`${plan.batch}\`: ${plan.steps.length} task(s) applied as one unit, verified by every gate of npm run check, committed once (R15).`,
        tasks: plan.steps.map((step, i) => `${step.task ?? `step ${i + 1}`}: \`${stepCommand(step)}\` — ${jobs[i]?.objective ?? ''}`),
        reuse: [...new Set(jobs.map((j) => j.reuse))].join(' '),
        commands: [ctx.commandLine, ...plan.steps.map((_, i) => (steps[i] as StepOutcome).command), 'npm run -s check -- --json'],
        req: undefined,
      };
      const record = recordRun(scratch.dir, stepChanges, story);
      applyAll(scratch.dir, record);
      touched.push(...record.map((c) => c.path));
    }
    for (const req of new Set(plan.steps.flatMap((s) => (s.req ? [s.req] : [])))) {
      const paths = plan.steps.flatMap((s, i) => (s.req === req ? jobs[i]?.changes.map((c) => c.path) ?? [] : []));
      const change = traceChange(scratch.dir, req, [...new Set(paths)].filter((p) => existsSync(join(scratch.dir, p))));
      applyAll(scratch.dir, [change]);
      touched.push(change.path);
    }
    planned.changes = diffPaths(ctx.serviceDir, scratch.dir, touched);
    return planned;
  } finally {
    scratch.remove();
  }
}
