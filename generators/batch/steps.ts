import type { RunFlags } from '../cli/flags.js';
import { quote } from '../cli/runner.js';
import type { BatchStep } from './schema.js';

/** What a generator's job factory gets for one step: the prompts' answers and the flags. */
export interface StepInput {
  /** By prompt name, as `npx plop <generator> <arguments>` would answer them. */
  answers: Record<string, string>;
  flags: RunFlags;
}

/**
 * Maps a step onto what its generator receives from the command line, so the step runs exactly
 * the code `npx plop <generator> …` runs (the job factories of generators/plop.ts).
 *
 * @param step - the step.
 * @param dryRun - whether the batch is a dry run (a destroy then needs no data-loss consent).
 * @returns answers and flags.
 */
export function stepInput(step: BatchStep, dryRun: boolean): StepInput {
  const flags: RunFlags = { json: true, dryRun, req: step.req, force: false, confirmDataLoss: false, options: {} };
  const options: Record<string, string> = {};
  switch (step.generator) {
    case 'endpoint':
      if (step.unique !== undefined) options.unique = step.unique;
      if (step.key !== undefined) options.key = step.key;
      if (step.parent !== undefined) options.parent = step.parent;
      if (step.onDelete !== undefined) options['on-delete'] = step.onDelete;
      return { answers: { name: step.name, fields: step.fields }, flags: { ...flags, options, ...(step.auth !== undefined ? { auth: step.auth } : {}), ...(step.filters === true ? { filters: true } : {}) } };
    case 'usecase':
      for (const key of ['method', 'scope', 'body', 'query', 'returns'] as const) if (step[key] !== undefined) options[key] = step[key];
      return { answers: { module: step.module, name: step.name }, flags: { ...flags, options, ...(step.auth !== undefined ? { auth: step.auth } : {}) } };
    case 'field':
      return { answers: { module: step.module, ...(step.fields !== undefined ? { fields: step.fields } : {}) }, flags: { ...flags, ...(step.remove !== undefined ? { remove: step.remove } : {}) } };
    case 'destroy':
      if (step.usecase !== undefined) options.usecase = step.usecase;
      return {
        answers: { name: step.name, confirmDataLoss: String(step.confirmDataLoss === true) },
        flags: { ...flags, options, force: step.force === true, confirmDataLoss: step.confirmDataLoss === true },
      };
    case 'auth':
      return { answers: {}, flags };
  }
}

/**
 * The command line that does what a step does, without the `npx plop` prefix.
 *
 * @param step - the step.
 * @returns e.g. `usecase purchases approve --method=PUT --body="note:text?"`.
 */
export function stepCommand(step: BatchStep): string {
  const words: string[] = [step.generator];
  const flag = (name: string, value: string | boolean | undefined): void => {
    if (value === true) words.push(`--${name}`);
    else if (typeof value === 'string') words.push(`--${name}=${quote(value)}`);
  };
  switch (step.generator) {
    case 'endpoint':
      words.push(step.name, quote(step.fields));
      flag('auth', step.auth);
      flag('unique', step.unique);
      flag('key', step.key);
      flag('filters', step.filters);
      flag('parent', step.parent);
      flag('on-delete', step.onDelete);
      break;
    case 'usecase':
      words.push(step.module, step.name);
      for (const key of ['method', 'scope', 'body', 'query', 'returns', 'auth'] as const) flag(key, step[key]);
      break;
    case 'field':
      words.push(step.module, ...(step.fields !== undefined ? [quote(step.fields)] : []));
      if (step.remove !== undefined) words.push('--remove', quote(step.remove));
      break;
    case 'destroy':
      words.push(step.name);
      flag('usecase', step.usecase);
      flag('force', step.force);
      flag('confirm-data-loss', step.confirmDataLoss);
      break;
    case 'auth':
      break;
  }
  flag('req', step.req);
  return words.join(' ');
}

/**
 * How a step is named in messages, the change log and the commit message.
 *
 * @param step - the step.
 * @param index - its 0-based position.
 * @returns e.g. `Step 4 (T4: usecase purchases approve)`.
 */
export function stepLabel(step: BatchStep, index: number): string {
  return `Step ${index + 1} (${step.task ? `${step.task}: ` : ''}${stepCommand(step)})`;
}

/**
 * One line per task, for the change log and the commit message.
 *
 * @param step - the step.
 * @param index - its 0-based position.
 * @returns e.g. `T1: endpoint suppliers "name:string" --req=REQ-1`, or `step 2: …` without a task id.
 */
export function taskLine(step: BatchStep, index: number): string {
  return `${step.task ?? `step ${index + 1}`}: ${stepCommand(step)}`;
}
