import { runChecks } from '../../checks/run.js';
import { GATES, type CheckError, type GateName } from '../../checks/report.js';

/** One gate's verdict on the batch. */
export interface GateOutcome {
  gate: GateName;
  /** `skipped`: the gate did not run (e.g. the tests gate inside a test run of the check itself). */
  status: 'passed' | 'failed' | 'skipped';
  errors: CheckError[];
  /** Why it was skipped. */
  skipped?: string;
  duration_ms: number;
}

/** The batch's gate report: every gate of `npm run check` on the service, by name. */
export interface GateReport {
  status: 'passed' | 'failed';
  gates: GateOutcome[];
  /** The gates that failed, in order. */
  failed: GateName[];
  errors: CheckError[];
  next_action: string;
  duration_ms: number;
}

/**
 * Runs every gate of `npm run check` (lint, layout, duplication, typecheck, tests, runtime) on a
 * service, in process through the check's own runner (checks/run.ts), the same gates, order and
 * report `npm run -s check -- --json` gives inside the service, plus each gate's name and verdict.
 *
 * @param serviceDir - absolute service root.
 * @param progress - called before each gate.
 * @returns the report.
 */
export async function runGates(serviceDir: string, progress: (gate: GateName) => void = () => {}): Promise<GateReport> {
  const started = Date.now();
  const starts: number[] = [];
  const { results, report } = await runChecks({ target: serviceDir, json: true, gates: [...GATES] }, (gate) => {
    starts.push(Date.now());
    progress(gate);
  });
  const ended = Date.now();
  const gates: GateOutcome[] = results.map((r, i) => ({
    gate: r.gate,
    status: r.errors.length > 0 ? 'failed' : r.skipped ? 'skipped' : 'passed',
    errors: r.errors,
    ...(r.skipped ? { skipped: r.skipped } : {}),
    duration_ms: (starts[i + 1] ?? ended) - (starts[i] ?? started),
  }));
  return {
    status: report.status,
    gates,
    failed: gates.filter((g) => g.status === 'failed').map((g) => g.gate),
    errors: report.errors,
    next_action: report.next_action,
    duration_ms: ended - started,
  };
}

/**
 * One line per gate error, naming the gate: `runtime: R4 __http__/x.http:3 answered 404`.
 *
 * @param report - the gate report.
 * @returns the lines.
 */
export function gateErrors(report: GateReport): string[] {
  return report.gates.flatMap((g) => g.errors.map((e) => `${g.gate} gate: ${e.rule}${e.file ? ` ${e.file}${e.line ? `:${e.line}` : ''}` : ''} ${e.message}`));
}
