import { it } from 'vitest';

/** Whether an outside program or server a suite needs is there. */
export interface Requirement {
  /** True when the suite can run. */
  available: boolean;
  /** What is missing and how to provide it, e.g. `Redis is not reachable at redis://127.0.0.1:6379`. */
  reason: string;
}

/**
 * Decides whether a suite that needs an outside program or server runs, is skipped, or fails.
 * On a developer machine without it the suite is skipped with the reason printed once (a fresh
 * `npm test` stays green); in CI (`CI=true`) a missing requirement is a failing test instead, so
 * CI can never pass by skipping.
 *
 * @param requirement - availability and the reason to show when unavailable.
 * @returns `true` when the suite should run; otherwise `false`, after registering the skip notice
 *   or (in CI) the failing test in the current `describe`.
 */
export function runsHere(requirement: Requirement): boolean {
  if (requirement.available) return true;
  if (process.env.CI === 'true') {
    it(`requires: ${requirement.reason}`, () => {
      throw new Error(`CI=true and ${requirement.reason}; .ci/run must provide it`);
    });
  } else {
    process.stderr.write(`[skipped] ${requirement.reason} (CI=true makes this a failure)\n`);
    it.skip(`requires: ${requirement.reason}`, () => undefined);
  }
  return false;
}
