import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rel, runProcess, toolBin, type CheckError, type GateContext, type GateResult } from '../report.js';

const TSC_LINE = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/;

/**
 * Runs `tsc --noEmit` on one project and parses its diagnostics.
 *
 * @param ctx - the gate context.
 * @param projectDir - the folder holding `tsconfig.json`.
 * @returns one error per diagnostic (rule R5).
 */
async function typecheckProject(ctx: GateContext, projectDir: string): Promise<CheckError[]> {
  const out = await runProcess(toolBin('tsc'), ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'], projectDir);
  if (out.code === 0) return [];
  const errors: CheckError[] = [];
  for (const line of out.stdout.split('\n')) {
    const m = TSC_LINE.exec(line.trim());
    if (m) errors.push({ rule: 'R5', file: rel(ctx, resolve(projectDir, m[1] as string)), line: Number(m[2]), message: `${m[3]}: ${m[4]}` });
  }
  if (errors.length === 0) errors.push({ rule: 'R5', file: rel(ctx, projectDir), line: 0, message: `tsc failed: ${(out.stdout + out.stderr).trim().slice(0, 500)}` });
  return errors;
}

/**
 * The typecheck gate: the service's `tsconfig.json`, and the repository's own at the root.
 *
 * @param ctx - the gate context.
 * @returns the type errors, tagged R5.
 */
export async function typecheckGate(ctx: GateContext): Promise<GateResult> {
  const projects = ctx.repo && existsSync(join(ctx.target, 'tsconfig.json')) ? [ctx.target, ctx.service] : [ctx.service];
  const errors = (await Promise.all(projects.map((p) => typecheckProject(ctx, p)))).flat();
  return { gate: 'typecheck', errors };
}
