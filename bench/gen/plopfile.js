// The real `endpoint` generator with client generation left out: the "files phase" through the same
// CLI path as `npx plop endpoint` (same plop start-up, same tsx load of generators/plop.ts, same
// prompts and validation, same planEndpoint + applyAll), minus `prisma generate`.
// Usage: npx plop --plopfile bench/gen/plopfile.js --dest <service> endpoint <name> "<fields>"
import { tsImport } from 'tsx/esm/api';

/** @param {import('plop').NodePlopAPI} plop */
export default async function plopfile(plop) {
  const { registerFilesOnly } = await tsImport('./register.ts', import.meta.url);
  registerFilesOnly(plop);
}
