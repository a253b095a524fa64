import { join, resolve } from 'node:path';
import type { NodePlopAPI } from 'plop';
import { readFlags } from './cli/flags.js';
import { finish, errorResult } from './cli/report.js';
import { forgetRuns, recordRun } from './cli/changelog.js';
import { commandLine, executeJob, type Job } from './cli/runner.js';
import { MISSING_ANSWER, missingArgument } from './cli/usage.js';
import { generatePrismaClient, planEndpoint } from './endpoint/index.js';
import { assertDataLossConsent, dropsTable, planUndo } from './endpoint/undo.js';
import { describeGenerators } from './cli/describe.js';
import { registerAuthGenerator } from './auth/generator.js';
import { registerBatchGenerator } from './batch/generator.js';
import { planAuthUndo } from './auth/undo.js';
import { usecaseRole } from './auth/registrations.js';
import { parseFields } from './fields.js';
import { moduleNames } from './naming.js';
import { nestedOptions } from './nested.js';
import { planField } from './field/plan.js';
import { planService, serviceName } from './service/plan.js';
import { planUsecase } from './usecase/plan.js';
import { isUsecaseCommitted, planDestroyUsecase } from './usecase/destroy.js';
import { usecaseNames } from './usecase/render.js';
import { readShape } from './usecase/shape.js';

/** A prompt for when there is no terminal: it never waits; the action refuses what is missing (exit 2). */
class NoTtyPrompt {
  run(): Promise<string> {
    return Promise.resolve(MISSING_ANSWER);
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

export type JobFactory = (answers: Record<string, string>, serviceDir: string, flags: ReturnType<typeof readFlags>) => Omit<Job, 'repoRoot'>;

/**
 * Registers the generators on plop: `endpoint`, `usecase`, `service`, `field`, `auth`, `destroy`, `batch`. Prompts ask only on a terminal; without
 * one a missing value is a refusal (exit non-zero), never a hang. Every action runs through
 * {@link executeJob} and ends the process itself with exit 0 only on success, printing one JSON
 * object with `--json`.
 *
 * @param plop - the plop API.
 */
export function registerGenerators(plop: NodePlopAPI): void {
  const interactive = Boolean(process.stdin.isTTY);
  // Refuse malformed flags before plop maps words to arguments (it would print its help instead).
  try {
    readFlags();
  } catch (err) {
    finish(errorResult(err), process.argv.includes('--json'));
  }
  if (!interactive) plop.setPrompt('scaffold-input', NoTtyPrompt as never);
  const type = interactive ? 'input' : 'scaffold-input';
  // Without a terminal the action validates (so refusals come back as JSON too).
  const validate = (fn: (value: string) => unknown) => (interactive ? check(fn) : () => true);
  // Each action carries its job factory, so `batch` runs the same plan for a step (batch/run.ts).
  const action = (factory: JobFactory) => Object.assign((answers: unknown, config?: { type?: string }): string => {
    let flags: ReturnType<typeof readFlags>;
    try {
      flags = readFlags();
    } catch (err) {
      return finish(errorResult(err), process.argv.includes('--json'));
    }
    const missing = missingArgument((config?.type ?? '').replace(/^scaffold-/, ''), answers as Record<string, string>);
    if (missing) return finish(errorResult(missing), flags.json);
    const serviceDir = targetService(plop);
    const job = factory(answers as Record<string, string>, serviceDir, flags);
    return finish(executeJob({ ...job, repoRoot: plop.getPlopfilePath() }, flags), flags.json);
  }, { factory });

  plop.setActionType('scaffold-endpoint', action(({ name = '', fields = '' }, serviceDir, flags) => ({
    serviceDir,
    run: `endpoint ${name}`,
    plan: () => {
      const plan = planEndpoint({ serviceDir, name, fields, ...(flags.auth !== undefined ? { auth: flags.auth } : {}), ...(flags.options.unique !== undefined ? { unique: flags.options.unique } : {}), ...(flags.options.key !== undefined ? { key: flags.options.key } : {}), ...(flags.filters === true ? { filters: true } : {}), ...nestedOptions(flags.options) });
      const refs = plan.fields.flatMap((f) => (f.ref ? [f.ref.target.name] : []));
      return {
        changes: plan.changes,
        objective: `Add module \`${plan.names.name}\` (create, get, list, update, remove) with fields \`${plan.record.fields}\`.`,
        reuse: `services/common (logging, errors, pagination), api/common (route, validation, schemas), db/common (Prisma client, errors)${refs.length ? `; references ${refs.join(', ')}` : ''}.`,
        nextAction: `npm run typecheck && npx vitest run ${plan.names.name}`,
      };
    },
    after: () => generatePrismaClient(serviceDir),
  })));

  plop.setActionType('scaffold-destroy', action(({ name = '', confirmDataLoss }, serviceDir, flags) => (flags.options.usecase !== undefined ? {
    serviceDir,
    run: `destroy ${name} --usecase=${flags.options.usecase}`,
    plan: () => {
      const usecase = flags.options.usecase ?? '';
      const changes = planDestroyUsecase({ serviceDir, module: name, usecase, force: flags.force });
      // Removing an uncommitted use case leaves no trace; removing a committed one is logged.
      const committed = isUsecaseCommitted(serviceDir, name, usecase);
      return {
        changes: committed ? changes : [...changes, ...forgetRuns(serviceDir, [`usecase ${name.trim()} ${usecase.trim()}`], [])],
        objective: `Remove use case \`${usecase}\` from module \`${name}\` (its service function, tests, route, schemas, OpenAPI entry, .http request and record).`,
        reuse: 'none (removal).',
        nextAction: `npm run typecheck && npx vitest run ${name}`,
        record: committed,
      };
    },
  } : {
    serviceDir,
    run: `destroy ${name}`,
    plan: () => {
      const changes = name === 'auth' ? planAuthUndo({ serviceDir, force: flags.force }) : planUndo({ serviceDir, name, force: flags.force });
      assertDataLossConsent(changes, name, flags.dryRun || flags.confirmDataLoss || String(confirmDataLoss) === 'true');
      return {
        changes,
        objective: `Remove module \`${name}\` and its registrations; its committed migration stays and a new one drops the table.`,
        reuse: 'none (removal).',
        nextAction: 'npm run typecheck && npm test',
        // Undoing an uncommitted module leaves no trace; dropping a committed one is logged.
        record: changes.some((c) => c.kind === 'create' && /_drop_/.test(c.path)),
      };
    },
    after: () => generatePrismaClient(serviceDir),
  })));

  plop.setGenerator('endpoint', {
    description: 'CRUD module: core service + port, Prisma adapter + migration, Express router, tests, .http',
    prompts: [
      { type, name: 'name', message: 'Module name (plural, e.g. invoices)', validate: validate(moduleNames) },
      {
        type,
        name: 'fields',
        message: 'Fields "name:type" (string text int bigint decimal boolean datetime uuid json enum(a|b) ref(module); ? optional, ! unique, =default)',
        validate: validate(parseFields),
      },
    ],
    actions: [{ type: 'scaffold-endpoint' }],
  });

  plop.setActionType('scaffold-usecase', action(({ module = '', name = '' }, serviceDir, flags) => ({
    serviceDir,
    run: `usecase ${module} ${name}`,
    plan: () => {
      const plan = planUsecase({ serviceDir, module, name, shape: { ...readShape(flags.options), ...usecaseRole(flags.auth) } });
      const loads = plan.shape.scope === 'item' ? `loads the ${plan.names.words} (404 ${plan.names.SCOPE}.NOT_FOUND), ` : '';
      return {
        changes: plan.changes,
        objective: `Add use case \`${plan.usecase.usecase}\` to module \`${plan.names.name}\` (${plan.route}): ${loads}its business rule goes in \`${plan.usecase.usecase}\` of create${plan.names.Plural}Service.`,
        reuse: `the module's repository port, not-found error, id params schema and route helper; services/common logging.`,
        nextAction: `npm run typecheck && npx vitest run ${plan.names.name}`,
      };
    },
  })));

  plop.setActionType('scaffold-service', action(({ name = '' }, _serviceDir, flags) => {
    const repoRoot = plop.getPlopfilePath();
    const workspaceRoot = resolve(plop.getDestBasePath());
    const dir = join(workspaceRoot, name.trim());
    return {
      serviceDir: workspaceRoot,
      run: `service ${name}${flags.envelope === true ? ' --envelope' : ''}`,
      plan: () => {
        const changes = planService({ workspaceRoot, name, source: join(repoRoot, 'example-service'), repoRoot, ...(flags.envelope === true ? { envelope: true } : {}) });
        const inside = changes.filter((c) => c.path.startsWith(`${name}/`)).map((c) => ({ ...c, path: c.path.slice(name.length + 1) }));
        const story = {
          run: `service ${name}${flags.envelope === true ? ' --envelope' : ''}`,
          objective: `Create service \`${name}\` from the example's skeleton (config, logging, health, db/common, tests) with no module${flags.envelope === true ? ', answering rows and pages under a named key (--envelope)' : ''}.`,
          reuse: "the example service's hand-written core, copied; its modules removed as destroy removes them.",
          commands: [commandLine()],
          req: flags.req,
        };
        const records = recordRun(dir, inside, story).map((c) => ({ ...c, path: `${name}/${c.path}` }));
        return {
          changes: [...changes, ...records],
          objective: story.objective,
          reuse: story.reuse,
          nextAction: `npm install && npm run typecheck -w ${name} && npm test -w ${name}; then npx plop --dest ${name} endpoint <module> "<fields>"`,
          record: false,
        };
      },
      after: () => generatePrismaClient(dir),
    };
  }));

  plop.setGenerator('usecase', {
    description: 'Business operation on an existing module: service function + tests, route (default POST /<module>/:id/<name>; --method --scope --body --query --returns), .http request',
    prompts: [
      { type, name: 'module', message: 'Existing module (e.g. invoices)', validate: validate(moduleNames) },
      { type, name: 'name', message: 'Use case name (lower camelCase, e.g. markPaid)', validate: validate(usecaseNames) },
    ],
    actions: [{ type: 'scaffold-usecase' }],
  });

  plop.setActionType('scaffold-describe', () => {
    const generators = plop.getGeneratorList().map(({ name, description }) => ({
      name,
      description,
      prompts: (plop.getGenerator(name).prompts as { name: string; message: string; type?: string }[]).filter((p) => p.type !== 'confirm'),
    }));
    const text = JSON.stringify(describeGenerators(generators), null, process.argv.includes('--json') ? undefined : 2);
    // Exit once the text is flushed (a pipe may be asynchronous, e.g. on macOS).
    return new Promise<string>(() => process.stdout.write(`${text}\n`, () => process.exit(0)));
  });

  plop.setGenerator('describe', {
    description: 'Print a machine-readable description of every generator: arguments, flags, field grammar (JSON Schema), examples',
    prompts: [],
    actions: [{ type: 'scaffold-describe' }],
  });

  plop.setGenerator('service', {
    description: 'New service folder at the workspace root from the example skeleton, no modules, added to workspaces',
    prompts: [{ type, name: 'name', message: 'Service name (e.g. billing)', validate: validate(serviceName) }],
    actions: [{ type: 'scaffold-service' }],
  });

  // `field`: add fields to a recorded module, or remove one (`--remove <name>`), with a migration.
  plop.setActionType('scaffold-field', action(({ module = '', fields }, serviceDir, flags) => ({
    serviceDir,
    run: `field ${module}`,
    plan: () => {
      // Plop hands `--remove phone` to us with `phone` also as the fields answer: that is not an add.
      const alsoAdd = fields !== undefined && fields !== '' && fields !== flags.remove ? { add: fields } : {};
      const plan = planField({ serviceDir, module, ...(flags.remove !== undefined ? { remove: flags.remove, ...alsoAdd } : { add: fields ?? '' }) });
      const { add, remove, migration } = plan.step;
      return {
        changes: plan.changes,
        objective: add !== undefined
          ? `Add field(s) \`${add}\` to module \`${plan.names.name}\` in every layer, with migration \`${migration}\` (ALTER TABLE … ADD COLUMN).`
          : `Remove field \`${remove}\` from module \`${plan.names.name}\` in every layer, with migration \`${migration}\` (ALTER TABLE … DROP COLUMN).`,
        reuse: `the module's files, merged three-way from its recorded field history (hand edits elsewhere kept); services/common, api/common, db/common unchanged.`,
        nextAction: `npm run typecheck && npx vitest run ${plan.names.name} (the service applies the new migration on its next start)`,
      };
    },
    after: () => generatePrismaClient(serviceDir),
  })));

  // `field <module> --remove <name>` takes no fields: its fields prompt then answers '' without asking.
  const Ask = (interactive ? ((plop as unknown as { inquirer: unknown }).inquirer as { prompt: { prompts: Record<string, unknown> } }).prompt.prompts.input : NoTtyPrompt) as new (...args: unknown[]) => { run(): Promise<unknown> };
  class FieldsPrompt {
    private readonly inner: { run(): Promise<unknown> } | undefined;
    constructor(...args: unknown[]) {
      this.inner = process.argv.some((a) => a === '--remove' || a.startsWith('--remove=')) ? undefined : new Ask(...args);
    }
    /** @returns the typed answer, or '' with `--remove`. */
    run(): Promise<unknown> {
      return this.inner ? this.inner.run() : Promise.resolve('');
    }
  }
  plop.setPrompt('scaffold-fields', FieldsPrompt as never);

  plop.setGenerator('field', {
    description: 'Add fields to an existing module (every layer + ALTER TABLE migration), or remove one with --remove <name>',
    prompts: [
      { type, name: 'module', message: 'Existing module (e.g. customers)', validate: validate(moduleNames) },
      {
        type: 'scaffold-fields',
        name: 'fields',
        message: 'Fields to add "name:type" (same grammar as endpoint; required ones need =default on a table with rows)',
        validate: validate(parseFields),
      },
    ],
    actions: [{ type: 'scaffold-field' }],
  });
  // Auth (issue 10): `npx plop auth`; `npx plop destroy auth` above.
  registerAuthGenerator(plop, action);

  plop.setGenerator('destroy', {
    description: 'Remove a generated module (files, registrations; a committed migration gets a drop-table migration), or with --usecase=<name> one use case',
    prompts: [
      { type, name: 'name', message: 'Module to remove' },
      // On a terminal, dropping a committed table is asked; without one, --confirm-data-loss is required.
      {
        type: 'confirm',
        name: 'confirmDataLoss',
        default: false,
        message: 'Its create migration is committed: a drop-table migration will delete every row. Continue?',
        when: (answers: Record<string, string>) =>
          interactive && !process.argv.includes('--confirm-data-loss') && !process.argv.some((a) => a.startsWith('--usecase=')) && dropsTable(targetService(plop), answers.name ?? ''),
      },
    ],
    actions: [{ type: 'scaffold-destroy' }],
  });
  registerBatchGenerator(plop, type, targetService);
}
