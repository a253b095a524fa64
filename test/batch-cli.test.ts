import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchResult } from '../generators/batch/run.js';
import { cloneRepository, REPO_ROOT, removeClone, run, shellEnv } from './support/workspace.js';

// Issue 15: `npx plop batch <plan>` in a clean clone, no TTY, JSON parsed. One clone serves every
// case, cheapest first: the dry run and the refused plans write nothing, then the green batch runs
// every gate and commits once, then a batch made red by a deliberately broken template is rolled
// back. The two gate runs (each the whole `npm run check` of the service) are the slow part.
const GATES_TIMEOUT = 1_500_000;
const EXAMPLE = join(REPO_ROOT, 'docs/examples/suppliers-batch.json');
const plan = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { batch: string; steps: Record<string, unknown>[] };

describe('npx plop batch', () => {
  let clone: string;
  // A newcomer's shell: no vitest variables, and the tests gate runs even under a check's own test run.
  const env = { ...shellEnv(), SCAFFOLD_CHECK_NESTED: '' };
  const git = (...args: string[]): string => {
    const out = run('git', args, clone);
    expect(out.status, out.stderr).toBe(0);
    return out.stdout.trim();
  };
  const batch = (file: string, ...flags: string[]): { status: number | null; json: BatchResult } => {
    const out = run('npx', ['plop', 'batch', file, '--json', ...flags], clone, {}, env, GATES_TIMEOUT);
    const lines = out.stdout.trim().split('\n');
    expect(lines, `${out.stdout}${out.stderr}`).toHaveLength(1);
    return { status: out.status, json: JSON.parse(lines[0] ?? '') as BatchResult };
  };
  const writePlan = (name: string, text: string): string => {
    writeFileSync(join(clone, name), text);
    return name;
  };
  /** Nothing written: the work tree is the commit it started from (plan files aside, git-ignored here). */
  const expectUntouched = (head: string): void => {
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git('rev-parse', 'HEAD')).toBe(head);
  };
  let head: string;
  beforeAll(() => {
    clone = cloneRepository();
    writeFileSync(join(clone, '.git/info/exclude'), 'node_modules\n/*.json\n/*.yaml\n');
    head = git('rev-parse', 'HEAD');
  });
  afterAll(() => removeClone(clone));

  it('When --dry-run, then every step is planned against the state the earlier steps leave, with its own plan, and nothing is written', () => {
    const { status, json } = batch('docs/examples/suppliers-batch.json', '--dry-run');
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(json.status).toBe('planned');
    expect(json.steps.map((s) => [s.step, s.task, s.status])).toEqual([[1, 'T1', 'planned'], [2, 'T2', 'planned'], [3, 'T3', 'planned'], [4, 'T4', 'planned'], [5, 'T5', 'planned']]);
    // Step 3 adds a ref to the module step 1 creates; step 5 changes step 1's module.
    const refStep = json.steps[2]?.plan ?? [];
    expect(refStep.some((p) => /prisma\/migrations\/\d{14}_add_supplierId_to_purchases\/migration\.sql$/.test(p.path) && p.kind === 'create')).toBe(true);
    expect(refStep.find((p) => p.path.endsWith('suppliers/suppliers.prisma'))?.added.join('\n')).toMatch(/purchases\s+Purchase\[\]/);
    expect(json.steps[4]?.plan?.find((p) => p.path.endsWith('suppliers.schemas.ts'))?.kind).toBe('modify');
    expect(json.steps.every((s) => s.plan !== undefined && s.plan.length > 0 && s.files_changed.length === s.plan.length)).toBe(true);
    expect(json.files_changed).toEqual(expect.arrayContaining(['example-service/BACKEND-LOG.md', 'example-service/traceability_matrix.json']));
    expect(json.gates).toBeUndefined();
    expectUntouched(head);
    const human = run('npx', ['plop', 'batch', 'docs/examples/suppliers-batch.json', '--dry-run'], clone, {}, env);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^batch suppliers-feature: planned\n1\. T1 npx plop endpoint suppliers "name:string email:string!" --req=REQ-21: planned, \d+ file\(s\)\n {3}create example-service\/__http__\/suppliers\.http/);
    expectUntouched(head);
  });

  it('When the fourth step would be refused, then the whole batch is refused naming step 4, and git status stays clean', () => {
    const steps = plan.steps.map((s, i) => (i === 3 ? { ...s, module: 'purchase' } : s));
    const { status, json } = batch(writePlan('refused.json', JSON.stringify({ ...plan, steps })), '--commit');
    expect(status).toBe(2);
    expect(json.status).toBe('refused');
    expect(json.files_changed).toEqual([]);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0]).toMatch(/^Step 4 \(T4: usecase purchase approve --req=REQ-23\) was refused: Module "purchase" is not recorded in scaffold\.json.*Nothing of the batch was written\.$/);
    expect(json.steps.map((s) => s.status)).toEqual(['planned', 'planned', 'planned', 'refused', 'not-run']);
    expectUntouched(head);
  });

  it('When the fourth step is malformed (YAML plan), then the plan is refused naming step 4 and each bad field, and nothing is written', () => {
    const yaml = [
      'batch: suppliers-feature',
      'steps:',
      ...plan.steps.slice(0, 3).map((s) => `  - ${JSON.stringify(s)}`),
      '  - { task: T4, generator: usecase, module: purchases, name: approve, method: FETCH, retuns: none }',
      `  - ${JSON.stringify(plan.steps[4])}`,
    ].join('\n');
    const { status, json } = batch(writePlan('malformed.yaml', yaml));
    expect(status).toBe(2);
    expect(json.status).toBe('refused');
    expect(json.errors[0]).toMatch(/^malformed\.yaml is not a valid batch plan/);
    expect(json.errors[0]).toMatch(/step 4 \(usecase\): unknown field\(s\) "retuns"/);
    expect(json.errors[0]).toMatch(/step 4 \(usecase\), field "method": Invalid option: expected one of "GET"\|"POST"\|"PUT"\|"PATCH"\|"DELETE"/);
    expect(json.errors[0]).not.toMatch(/step [1235]\b/);
    expectUntouched(head);
    const unknown = batch(writePlan('unknown.json', JSON.stringify({ batch: 'x', steps: [{ generator: 'service', name: 'billing' }] })));
    expect(unknown.json.errors[0]).toMatch(/step 1, field "generator": must be one of endpoint, usecase, field, destroy, auth/);
  });

  it('When a step destroys a committed module, then the plan (made in a git copy of the service) keeps its migration and adds a drop-table one, and without consent the batch is refused', () => {
    const steps = [{ task: 'D1', generator: 'destroy', name: 'receipts', force: true }];
    const refusedRun = batch(writePlan('drop.json', JSON.stringify({ batch: 'drop-receipts', steps })));
    expect(refusedRun.status).toBe(2);
    expect(refusedRun.json.errors[0]).toMatch(/^Step 1 \(D1: destroy receipts --force\) was refused: Destroying "receipts" deletes data: .*--confirm-data-loss/);
    expectUntouched(head);
    const { status, json } = batch(writePlan('drop.json', JSON.stringify({ batch: 'drop-receipts', steps: [{ ...steps[0], confirmDataLoss: true }] })), '--dry-run');
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    const migrations = (json.steps[0]?.plan ?? []).filter((p) => p.path.includes('/prisma/migrations/'));
    expect(migrations.map((p) => [p.kind, p.path.replace(/\d{14}/, '<ts>')])).toEqual([['create', 'example-service/prisma/migrations/<ts>_drop_receipts/migration.sql']]);
    expectUntouched(head);
  });

  it('When the plan schema of describe --json is applied to the example plan (the one AGENTS.md shows), then it accepts it and refuses the malformed step', () => {
    const out = run('npx', ['plop', 'describe', '--json'], clone, {}, env);
    const description = JSON.parse(out.stdout) as { batch_plan: object; generators: { name: string; flags: { flag: string }[] }[] };
    const validate = new Ajv2020({ strict: false }).compile(description.batch_plan);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...plan, steps: [{ generator: 'usecase', module: 'purchases', name: 'approve', method: 'FETCH' }] })).toBe(false);
    expect(description.generators.find((g) => g.name === 'batch')?.flags.map((f) => f.flag)).toEqual(['--commit']);
    // AGENTS.md shows this very plan.
    const agents = readFileSync(join(REPO_ROOT, 'AGENTS.md'), 'utf8');
    const shown = /## Plan a feature as a batch[\s\S]*?```json\n([\s\S]*?)```/.exec(agents)?.[1];
    expect(shown).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  it('When the batch is stopped (SIGTERM) while its gates run, then every change is rolled back', async () => {
    // plop itself, not npx: the signal must reach the process that rolls back, and its exit is what is awaited.
    const child = spawn(join(clone, 'node_modules/.bin/plop'), ['batch', 'docs/examples/suppliers-batch.json'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise<void>((done) => child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('… gate lint')) done();
    }));
    expect(git('status', '--porcelain')).toMatch(/suppliers/);
    process.kill(-(child.pid as number), 'SIGTERM');
    expect(await exited).toBe(143);
    expectUntouched(head);
  });

  it('When the five-step plan is applied with --commit, then all six gates pass and exactly one new commit lists the five tasks', async ({ annotate }) => {
    const { status, json } = batch('docs/examples/suppliers-batch.json', '--commit');
    await annotate(`timings ${JSON.stringify(json.timings)}; gates ${json.gates?.gates.map((g) => `${g.gate} ${g.duration_ms} ms`).join(', ')}`);
    expect(json.errors, JSON.stringify(json.gates?.errors)).toEqual([]);
    expect(status).toBe(0);
    expect(json.status).toBe('ok');
    expect(json.gates?.gates.map((g) => [g.gate, g.status])).toEqual([
      ['lint', 'passed'], ['layout', 'passed'], ['duplication', 'passed'], ['typecheck', 'passed'], ['tests', 'passed'], ['runtime', 'passed'],
    ]);
    expect(json.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(json.steps[3]?.files_changed).toContain('example-service/src/backend/services/purchases/purchases.service.ts');
    // One new commit, holding exactly the batch's files; nothing else staged or left over.
    expect(git('rev-list', '--count', `${head}..HEAD`)).toBe('1');
    expect(json.commit?.sha).toBe(git('rev-parse', 'HEAD'));
    expect(git('log', '-1', '--format=%B')).toBe([
      'feat(example-service): batch suppliers-feature',
      '',
      '- T1: endpoint suppliers "name:string email:string!" --req=REQ-21',
      '- T2: endpoint purchases "reference:string! total:decimal" --req=REQ-22',
      '- T3: field purchases "supplier:ref(suppliers)?" --req=REQ-22',
      '- T4: usecase purchases approve --req=REQ-23',
      '- T5: field suppliers "phone:string?" --req=REQ-21',
    ].join('\n'));
    expect(git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([...json.files_changed].sort());
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
    // One change-log chunk listing every task; each requirement traced to its steps' files.
    const log = readFileSync(join(clone, 'example-service/BACKEND-LOG.md'), 'utf8');
    expect(log.match(/<!-- scaffold-run: /g)).toHaveLength(1);
    expect(log).toMatch(/<!-- scaffold-run: batch suppliers-feature -->\n## .* — batch suppliers-feature\n\n- \*\*Objective:\*\* Suppliers and their purchases, with an approval step\.\n- \*\*Tasks:\*\*\n {2}- T1: `endpoint suppliers/);
    for (const task of ['T1', 'T2', 'T3', 'T4', 'T5']) expect(log).toContain(`  - ${task}: \``);
    const trace = JSON.parse(readFileSync(join(clone, 'example-service/traceability_matrix.json'), 'utf8')) as Record<string, string[]>;
    expect(Object.keys(trace).sort()).toEqual(['REQ-21', 'REQ-22', 'REQ-23']);
    expect(trace['REQ-21']).toEqual(expect.arrayContaining(['src/backend/services/suppliers/suppliers.service.ts', expect.stringMatching(/_add_phone_to_suppliers\/migration\.sql$/)]));
    expect(trace['REQ-22']).toEqual(expect.arrayContaining([expect.stringMatching(/_add_supplierId_to_purchases\/migration\.sql$/)]));
    expect(trace['REQ-23']).toEqual(expect.arrayContaining(['src/backend/api/purchases/purchases.router.ts', '__http__/purchases.http']));
    head = git('rev-parse', 'HEAD');
  }, GATES_TIMEOUT);

  it('When a step\'s result fails a gate (a template fixture makes its .http request answer 404), then the batch is rolled back completely and the runtime gate is named', async ({ annotate }) => {
    const template = join(clone, 'templates/endpoint/__http__/[name].http.hbs');
    const listRequest = 'GET \\{{baseUrl}}/{{httpRoute}}?limit=20';
    const source = readFileSync(template, 'utf8');
    expect(source).toContain(listRequest);
    writeFileSync(template, source.replace(listRequest, 'GET \\{{baseUrl}}/{{httpRoute}}-missing?limit=20'));
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'fixture: a template whose list request answers 404');
    head = git('rev-parse', 'HEAD');
    const red = { batch: 'widgets', steps: [{ task: 'W1', generator: 'endpoint', name: 'widgets', fields: 'label:string' }, { task: 'W2', generator: 'field', module: 'suppliers', fields: 'rating:int?' }] };
    const { status, json } = batch(writePlan('red.json', JSON.stringify(red)), '--commit');
    await annotate(`timings ${JSON.stringify(json.timings)}; gates ${json.gates?.gates.map((g) => `${g.gate} ${g.duration_ms} ms`).join(', ')}`);
    expect(status).toBe(1);
    expect(json.status).toBe('failed');
    expect(json.gates?.failed).toEqual(['runtime']);
    const runtime = json.gates?.gates.find((g) => g.gate === 'runtime')?.errors ?? [];
    // The message names every runtime error: a failure to name the file says why (e.g. httpyac printed no report).
    expect(runtime.map((e) => e.file), JSON.stringify(runtime)).toContain('__http__/widgets.http');
    expect(json.errors[0]).toBe('the runtime gate(s) failed: every change of the batch was rolled back');
    expect(json.errors.slice(1).some((e) => /^runtime gate: R4 __http__\/widgets\.http:\d+ .*404/.test(e))).toBe(true);
    expect(json.steps.map((s) => s.status)).toEqual(['rolled-back', 'rolled-back']);
    expect(json.commit).toBeUndefined();
    expectUntouched(head);
  }, GATES_TIMEOUT);
});
