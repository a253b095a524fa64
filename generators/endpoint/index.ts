import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyAll, invert, type ApplyOptions } from '../transaction.js';
import { planEndpoint, type EndpointPlan, type EndpointRequest } from './plan.js';

export * from './destroy.js';
export * from './plan.js';
export * from './registrations.js';

/** Options of a generator run. */
export interface RunOptions extends ApplyOptions {
  /** Regenerate the Prisma client after writing (default true), so the new model is typed. */
  generateClient?: boolean;
}

/**
 * Runs `prisma generate` in a service (offline wrapper `scripts/prisma-generate.mjs`).
 *
 * @param serviceDir - absolute service root.
 * @throws when the script is missing or exits non-zero; the message carries its output.
 */
export function generatePrismaClient(serviceDir: string): void {
  const script = join(serviceDir, 'scripts/prisma-generate.mjs');
  if (!existsSync(script)) throw new Error(`${script} is missing`);
  const result = spawnSync(process.execPath, [script], { cwd: serviceDir, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`prisma generate failed:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * The `endpoint` generator: plans, writes every file and patch or none, then regenerates the
 * Prisma client; if that fails, every change is undone.
 *
 * @param request - target service, module name, field spec.
 * @param options - client generation and test hooks.
 * @returns the plan that was applied.
 * @throws {GeneratorInputError} on refused input (nothing written); other errors after rollback.
 */
export function runEndpoint(request: EndpointRequest, options: RunOptions = {}): EndpointPlan {
  const plan = planEndpoint(request);
  const serviceDir = resolve(request.serviceDir);
  applyAll(serviceDir, plan.changes, options);
  if (options.generateClient !== false) {
    try {
      generatePrismaClient(serviceDir);
    } catch (err) {
      applyAll(serviceDir, invert(plan.changes));
      throw err;
    }
  }
  return plan;
}
