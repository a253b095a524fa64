import { join } from 'node:path';
import { ESLint } from 'eslint';
import { TOOLING_ROOT, rel, type GateContext, type GateResult } from '../report.js';

/** ESLint rule id (or its plugin prefix) → the rule of RULES.md it enforces. */
const RULE_IDS: Array<[RegExp, string]> = [
  [/^scaffold\/backend-layers$/, 'R1'],
  [/^(max-lines|scaffold\/folder-index)$/, 'R2'],
  [/^(no-console|scaffold\/function-logs)$/, 'R3'],
  [/^boundaries\//, 'R6'],
  [/^no-warning-comments$/, 'R8'],
  [/^scaffold\/module-tests$/, 'R12'],
  [/^jsdoc\//, 'R17'],
];

/**
 * Maps an ESLint rule id to the rule of RULES.md it enforces.
 *
 * @param ruleId - e.g. `max-lines`, `scaffold/function-logs`; `null` for parse errors.
 * @returns the rule id, `R5` (the lint gate itself) for any other lint rule.
 */
export function ruleOf(ruleId: string | null): string {
  for (const [pattern, rule] of RULE_IDS) if (ruleId && pattern.test(ruleId)) return rule;
  return 'R5';
}

/**
 * The lint gate: ESLint with the repository's flat config over the target folder. Warnings count
 * as problems too (a generated module must produce none).
 *
 * @param ctx - the gate context.
 * @returns one error per ESLint message, tagged with its rule id.
 */
export async function lintGate(ctx: GateContext): Promise<GateResult> {
  const eslint = new ESLint({
    cwd: ctx.target,
    overrideConfigFile: join(TOOLING_ROOT, 'eslint.config.js'),
    errorOnUnmatchedPattern: false,
    // eslint-plugin-boundaries matches element patterns against paths relative to its root path
    // (process.cwd() by default); anchor it at the checked folder.
    overrideConfig: { settings: { 'boundaries/root-path': ctx.target } },
  });
  const results = await eslint.lintFiles(['.']);
  const errors = results.flatMap((r) =>
    r.messages.map((m) => ({
      rule: ruleOf(m.ruleId),
      file: rel(ctx, r.filePath),
      line: m.line ?? 0,
      message: `${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`,
    })),
  );
  return { gate: 'lint', errors };
}
