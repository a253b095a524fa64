// Plop entry. Node 20 cannot load a .ts plopfile, so this file loads the TypeScript generators
// through tsx's programmatic loader: `npx plop endpoint <name> "<fields>"` needs no flags.
import { tsImport } from 'tsx/esm/api';

/** @param {import('plop').NodePlopAPI} plop */
export default async function plopfile(plop) {
  const { registerGenerators } = await tsImport('./generators/plop.ts', import.meta.url);
  registerGenerators(plop);
}
