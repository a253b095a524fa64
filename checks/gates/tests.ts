import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rel, runProcess, toolBin, type CheckError, type GateContext, type GateResult } from '../report.js';

/** Set in the environment of the test run, so a check started by a test skips its own tests gate. */
export const NESTED_ENV = 'SCAFFOLD_CHECK_NESTED';

interface VitestJson {
  testResults?: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults?: Array<{ fullName: string; status: string; failureMessages?: string[]; location?: { line: number } }>;
  }>;
}

/**
 * The tests gate: `vitest run` in the target (the repository runs every project), read through
 * vitest's JSON reporter. Skipped inside a test run (see {@link NESTED_ENV}) to avoid recursion.
 *
 * @param ctx - the gate context.
 * @returns one error per failed test or failed test file (rule R12: tests exist and pass).
 */
export async function testsGate(ctx: GateContext): Promise<GateResult> {
  if (process.env[NESTED_ENV]) return { gate: 'tests', errors: [], skipped: 'inside a test run' };
  const dir = mkdtempSync(join(tmpdir(), 'scaffold-check-'));
  const outFile = join(dir, 'vitest.json');
  try {
    const out = await runProcess(toolBin('vitest'), ['run', '--reporter=json', `--outputFile=${outFile}`], ctx.target, { [NESTED_ENV]: '1' });
    let report: VitestJson = {};
    try {
      report = JSON.parse(readFileSync(outFile, 'utf8')) as VitestJson;
    } catch {
      report = {};
    }
    const errors: CheckError[] = [];
    for (const file of report.testResults ?? []) {
      const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
      for (const a of failed) {
        errors.push({ rule: 'R12', file: rel(ctx, file.name), line: a.location?.line ?? 0, message: `test failed: ${a.fullName}: ${(a.failureMessages?.[0] ?? '').split('\n')[0]}` });
      }
      if (failed.length === 0 && file.status === 'failed') {
        errors.push({ rule: 'R12', file: rel(ctx, file.name), line: 0, message: `test file failed: ${(file.message ?? '').split('\n')[0]}` });
      }
    }
    if (out.code !== 0 && errors.length === 0) {
      errors.push({ rule: 'R12', file: '', line: 0, message: `vitest exited with ${out.code}: ${(out.stderr || out.stdout).trim().split('\n').slice(-3).join(' ')}` });
    }
    return { gate: 'tests', errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
