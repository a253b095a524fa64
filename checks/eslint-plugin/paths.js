// Where a linted file sits in a service: its layer (`api`, `db`, `services`) and module folder.
import { basename, dirname, sep } from 'node:path';

/**
 * @typedef {object} BackendPlace
 * @property {string} backendDir - absolute path of the service's `src/backend` folder.
 * @property {string | undefined} layer - `api`, `db`, `services`, or another first-level folder.
 * @property {string | undefined} module - the module folder under the layer, e.g. `invoices`.
 * @property {string} dir - the file's own folder.
 * @property {boolean} test - whether the file is test code (tests, fixtures, test support).
 */

/**
 * Locates a file relative to the nearest `src/backend` folder above it.
 *
 * @param {string} filename - absolute path of the linted file.
 * @returns {BackendPlace | undefined} where it sits, or `undefined` when it is not under `src/backend`.
 */
export function backendPlace(filename) {
  const parts = filename.split(sep);
  let at = -1;
  for (let i = parts.length - 2; i > 0; i -= 1) {
    if (parts[i - 1] === 'src' && parts[i] === 'backend') {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  const rest = parts.slice(at + 1);
  const name = basename(filename);
  return {
    backendDir: parts.slice(0, at + 1).join(sep),
    layer: rest.length > 1 ? rest[0] : undefined,
    module: rest.length > 2 ? rest[1] : undefined,
    dir: dirname(filename),
    test: isTestFile(name),
  };
}

/**
 * Whether a file name is test code (tests, fixtures, test helpers), which rules R3 and R17 skip.
 *
 * @param {string} name - the file's base name.
 * @returns {boolean} true for `*.test.ts`, `*.fixtures.ts`, `*.seed.ts`, `test-support.ts`, `testing.ts`.
 */
export function isTestFile(name) {
  return /\.(test|spec|fixtures|seed)\.[cm]?[jt]s$/.test(name) || /^(test-support|testing)\.[cm]?[jt]s$/.test(name);
}

/**
 * The PascalCase module name a module folder logs under, e.g. `lineItems` → `LineItems`.
 *
 * @param {string} folder - the module folder's name.
 * @returns {string} the folder name with its first letter upper-cased.
 */
export function pascal(folder) {
  return folder.charAt(0).toUpperCase() + folder.slice(1);
}
