import { join, resolve } from 'node:path';
import type { NodePlopAPI } from 'plop';
import { runEndpoint } from './endpoint/index.js';
import { GeneratorInputError } from './errors.js';
import { parseFields } from './fields.js';
import { moduleNames } from './naming.js';

/** A prompt for when there is no terminal: it never waits, it refuses with what is missing. */
class NoTtyPrompt {
  constructor(private readonly question: { name: string; message: string }) {}
  run(): Promise<never> {
    return Promise.reject(
      new GeneratorInputError(
        `Missing "${this.question.name}" and no terminal to ask on: pass it as an argument, e.g. npx plop endpoint invoices "number:string amount:int".`,
      ),
    );
  }
}

const check = (fn: (value: string) => unknown) => (value: string): true | string => {
  try {
    fn(value);
    return true;
  } catch (err) {
    return (err as Error).message;
  }
};

/**
 * The service a generator writes to: `--dest <service>` when given, else `example-service`.
 *
 * @param plop - the plop API.
 * @returns the absolute service folder.
 */
export function targetService(plop: NodePlopAPI): string {
  const root = plop.getPlopfilePath();
  const dest = resolve(plop.getDestBasePath());
  return dest === resolve(root) ? join(root, 'example-service') : dest;
}

/**
 * Registers the generators on plop. Prompts only ask on a terminal; without one a missing value
 * is a refusal (exit 1), never a hang.
 *
 * @param plop - the plop API.
 */
export function registerGenerators(plop: NodePlopAPI): void {
  const interactive = Boolean(process.stdin.isTTY);
  if (!interactive) plop.setPrompt('scaffold-input', NoTtyPrompt as never);
  const type = interactive ? 'input' : 'scaffold-input';

  plop.setActionType('scaffold-endpoint', (answers) => {
    const { name, fields } = answers as { name: string; fields: string };
    const plan = runEndpoint({ serviceDir: targetService(plop), name, fields });
    const files = plan.changes.map((c) => `${c.kind === 'create' ? '+' : '~'} ${c.path}`);
    return `module ${plan.names.name}: ${plan.changes.length} files\n${files.join('\n')}`;
  });

  plop.setGenerator('endpoint', {
    description: 'CRUD module: core service + port, Prisma adapter + migration, Express router, tests, .http',
    prompts: [
      { type, name: 'name', message: 'Module name (plural, e.g. invoices)', validate: check(moduleNames) },
      {
        type,
        name: 'fields',
        message: 'Fields, "name:type" separated by spaces (string text int decimal boolean datetime; trailing ? = optional)',
        validate: check(parseFields),
      },
    ],
    actions: [{ type: 'scaffold-endpoint' }],
  });
}
