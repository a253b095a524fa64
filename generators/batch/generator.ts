import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { NodePlopAPI } from 'plop';
import { readFlags } from '../cli/flags.js';
import { errorResult, finish } from '../cli/report.js';
import { commandLine } from '../cli/runner.js';
import { missingArgument } from '../cli/usage.js';
import type { JobFactory } from '../plop.js';
import { executeBatch, type BatchResult } from './run.js';

/**
 * The batch result for people: one line per step (with its plan on a dry run), the gates, what
 * to do next.
 *
 * @param result - the batch result.
 * @returns the text.
 */
export function formatBatch(result: BatchResult): string {
  const lines = [`batch ${result.batch ?? '?'}: ${result.status}${result.commit ? ` (commit ${result.commit.sha.slice(0, 12)})` : ''}`];
  for (const s of result.steps) {
    lines.push(`${s.step}. ${s.task ? `${s.task} ` : ''}${s.command}: ${s.status}${s.files_changed.length ? `, ${s.files_changed.length} file(s)` : ''}`);
    for (const p of s.plan ?? []) lines.push(`   ${p.kind} ${p.path}`, ...(p.kind === 'modify' ? [...p.added.map((l) => `     + ${l}`), ...p.removed.map((l) => `     - ${l}`)] : []));
    for (const e of s.errors) lines.push(`   ${e}`);
  }
  if (result.gates) lines.push(`gates: ${result.gates.gates.map((g) => `${g.gate} ${g.status}`).join(', ')}`);
  if (result.status === 'refused' || result.status === 'failed') lines.push(...result.errors.map((e) => `[ERROR] ${e}`));
  lines.push(`next: ${result.next_action}`);
  return lines.join('\n');
}

/**
 * Registers `npx plop batch <plan>` (`--json`, `--dry-run`, `--dest`, `--commit`): many generator
 * steps from a plan file applied all or nothing, checked by every gate, committed once (R15).
 * Each step runs the job factory its own generator registered (see plop.ts), so register this
 * after the other generators.
 *
 * @param plop - the plop API.
 * @param promptType - the prompt type the other generators use (`input`, or the no-terminal one).
 * @param serviceOf - the service a run targets (`--dest`, else example-service).
 */
export function registerBatchGenerator(plop: NodePlopAPI, promptType: string, serviceOf: (plop: NodePlopAPI) => string): void {
  const factoryOf = (generator: string): JobFactory | undefined =>
    (plop.getActionType(`scaffold-${generator}`) as unknown as { factory?: JobFactory } | undefined)?.factory;
  plop.setActionType('scaffold-batch', async (answers: unknown): Promise<string> => {
    let flags: ReturnType<typeof readFlags>;
    try {
      flags = readFlags();
    } catch (err) {
      return finish(errorResult(err), process.argv.includes('--json'));
    }
    const missing = missingArgument('batch', answers as Record<string, string>);
    if (missing) return finish(errorResult(missing), flags.json);
    const plan = (answers as { plan: string }).plan.trim();
    const end = process.argv.indexOf('--');
    const { values } = parseArgs({ args: process.argv.slice(2, end === -1 ? undefined : end), options: { commit: { type: 'boolean' } }, strict: false, allowPositionals: true });
    const result = await executeBatch({
      serviceDir: serviceOf(plop),
      repoRoot: plop.getPlopfilePath(),
      planFile: resolve(plan),
      shownPlan: plan,
      dryRun: flags.dryRun,
      commit: values.commit === true,
      factoryOf,
      commandLine: commandLine(),
      ...(flags.json ? {} : { progress: (line: string) => process.stderr.write(`… ${line}\n`) }),
    });
    return finish(result, flags.json, formatBatch(result));
  });
  plop.setGenerator('batch', {
    description: 'Apply a plan file of generator steps (endpoint, usecase, field, auth, destroy) all or nothing, run every gate, roll back on red, commit once with --commit',
    prompts: [{ type: promptType, name: 'plan', message: 'Plan file (.json, .yaml or .yml; schema: batch_plan in npx plop describe --json)' }],
    actions: [{ type: 'scaffold-batch' }],
  });
}
