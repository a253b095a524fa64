import type { NodePlopAPI } from 'plop';
import { runEndpoint } from '../../generators/endpoint/index.js';
import { registerGenerators, targetService } from '../../generators/plop.js';

/**
 * Registers the real generators, then replaces the `endpoint` action with one that skips
 * `prisma generate` (the files phase only). Everything else is the production registration.
 *
 * @param plop - the plop API.
 */
export function registerFilesOnly(plop: NodePlopAPI): void {
  registerGenerators(plop);
  plop.setActionType('scaffold-endpoint', (answers) => {
    const { name, fields } = answers as { name: string; fields: string };
    const plan = runEndpoint({ serviceDir: targetService(plop), name, fields }, { generateClient: false });
    return `module ${plan.names.name}: ${plan.changes.length} files (client not generated)`;
  });
}
