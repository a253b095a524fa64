// Plop entry. Node 20 cannot load a .ts plopfile, so this file loads the TypeScript generators
// through tsx's programmatic loader: `npx plop endpoint <name> "<fields>"` needs no flags.
import { tsImport } from 'tsx/esm/api';
import { assertNodeVersion } from './example-service/scripts/node-version.mjs';

// A Node older than engines.node stops here, with one line naming the required version.
assertNodeVersion(new URL('./package.json', import.meta.url).pathname);

/** @param {import('plop').NodePlopAPI} plop */
export default async function plopfile(plop) {
  const { registerGenerators } = await tsImport('./generators/plop.ts', import.meta.url);
  registerGenerators(plop);
  // Without a terminal a missing or unknown generator name is a refusal (exit 2), never a prompt.
  const { refuseUnknownGenerator } = await tsImport('./generators/cli/usage.ts', import.meta.url);
  refuseUnknownGenerator(plop);
}
