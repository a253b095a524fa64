#!/usr/bin/env node
// Stops on a Node.js older than the one package.json's `engines.node` declares, with one line that
// names the required version. Run as `predev` (so `npm run dev` stops before anything starts) and
// imported by the root plopfile.js (so the generators stop too). `npm ci` only warns (EBADENGINE).
//
// SCAFFOLD_ALLOW_UNSUPPORTED_NODE=1 runs anyway (unsupported; CI on a machine whose Node is older
// sets it). SCAFFOLD_NODE_VERSION replaces the running version (tests).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The variable that lets an unsupported Node run anyway. */
export const ALLOW_VARIABLE = 'SCAFFOLD_ALLOW_UNSUPPORTED_NODE';

/**
 * The minimum version of an `engines.node` range of the form `>=MAJOR[.MINOR[.PATCH]]`.
 *
 * @param {string} range - e.g. `>=22.12`.
 * @returns {number[]} [major, minor, patch].
 * @throws {Error} on any other form (this check reads only a lower bound).
 */
export function minimumVersion(range) {
  const match = /^>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`engines.node "${range}" is not of the form ">=MAJOR.MINOR.PATCH"`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/**
 * Says what is wrong when a Node version is older than a range's minimum.
 *
 * @param {string} current - the running version, e.g. `20.20.2` or `v20.20.2`.
 * @param {string} range - `engines.node`, e.g. `>=22.12`.
 * @returns {string | undefined} one line naming the required version, or undefined when it is met.
 * @throws {Error} when `current` is not a version or `range` not of the supported form.
 */
export function nodeVersionProblem(current, range) {
  const need = minimumVersion(range);
  const have = /^v?(\d+)\.(\d+)\.(\d+)/.exec(current.trim())?.slice(1).map(Number);
  if (!have) throw new Error(`"${current}" is not a Node.js version`);
  const order = have[0] - need[0] || have[1] - need[1] || have[2] - need[2];
  if (order >= 0) return undefined;
  return `Node.js ${need.join('.')} or newer is required (engines.node "${range}"); this is Node.js ${have.join('.')}. Install Node.js ${need[0]} LTS or newer (or set ${ALLOW_VARIABLE}=1 to run unsupported).`;
}

/**
 * Ends the process (exit 1, one line on stderr) when the running Node is older than
 * `engines.node` of a package.json, unless {@link ALLOW_VARIABLE} is `1`.
 *
 * @param {string} packageJson - absolute path of the package.json whose `engines.node` applies.
 * @param {NodeJS.ProcessEnv} [env] - the environment (default: the process's).
 * @returns {void}
 */
export function assertNodeVersion(packageJson, env = process.env) {
  const range = JSON.parse(readFileSync(packageJson, 'utf8')).engines?.node;
  if (typeof range !== 'string') return;
  const problem = nodeVersionProblem(env.SCAFFOLD_NODE_VERSION || process.versions.node, range);
  if (problem === undefined || env[ALLOW_VARIABLE] === '1') return;
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  assertNodeVersion(path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'package.json'));
}
