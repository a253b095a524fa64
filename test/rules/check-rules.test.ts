import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../checks/run.js';
import type { GateName } from '../../checks/report.js';
import { REPO_ROOT, bin, copyService, removeCopy } from '../support/workspace.js';

// Each rule with a check: a fixture that violates it, dropped into a copy of the example service,
// makes the check fail with that rule's id. The copy is restored after every test.
const FIXTURES = join(REPO_ROOT, 'test/rules/fixtures');
const MODULE = 'src/backend/services/invoices';

/** One fixture: what it breaks, how to apply it to a service copy, and which gates see it. */
interface Case {
  rule: string;
  title: string;
  apply: (svc: string) => string[];
  gates: GateName[];
}

const place = (fixture: string, dest: string) => (svc: string): string[] => {
  const target = join(svc, dest);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(FIXTURES, fixture), target);
  return [target];
};

const CASES: Case[] = [
  { rule: 'R1', title: 'a file outside api/db/services', apply: place('r1-outside.ts', 'src/backend/helpers/index.ts'), gates: ['lint'] },
  {
    rule: 'R2',
    title: 'a file over 300 lines',
    apply: (svc) => {
      const file = join(svc, MODULE, 'invoices.long.ts');
      const body = Array.from({ length: 300 }, (_, i) => `export const value${i} = ${i};`).join('\n');
      writeFileSync(file, `/** R2 fixture. */\n${body}\n`);
      return [file];
    },
    gates: ['lint'],
  },
  { rule: 'R2', title: 'a folder without index.ts', apply: place('r1-outside.ts', `${MODULE}/extra/helper.ts`), gates: ['lint'] },
  { rule: 'R3', title: 'a console call', apply: place('r3-console.ts', `${MODULE}/invoices.shout.ts`), gates: ['lint'] },
  { rule: 'R3', title: 'a logger prefix that names another module', apply: place('r3-wrong-prefix.ts', `${MODULE}/invoices.audit.ts`), gates: ['lint'] },
  { rule: 'R6', title: 'core code importing express', apply: place('r6-services-express.ts', `${MODULE}/invoices.leak.ts`), gates: ['lint'] },
  { rule: 'R6', title: 'the HTTP adapter importing the db adapter', apply: place('r6-api-db.ts', 'src/backend/api/invoices/invoices.leak.ts'), gates: ['lint'] },
  {
    rule: 'R7',
    title: 'a hand-written file copied',
    apply: (svc) => {
      const target = join(svc, 'src/backend/services/common/logging-copy.ts');
      copyFileSync(join(svc, 'src/backend/services/common/logging.ts'), target);
      return [target];
    },
    gates: ['duplication'],
  },
  { rule: 'R8', title: 'a TODO comment', apply: place('r8-todo.ts', `${MODULE}/invoices.todo.ts`), gates: ['lint'] },
  { rule: 'R10', title: 'a .http file outside __http__/', apply: place('r10-stray.http', 'src/stray.http'), gates: ['layout'] },
  {
    rule: 'R12',
    title: 'a module folder without its test',
    apply: (svc) => {
      const file = join(svc, MODULE, 'invoices.service.test.ts');
      const saved = readFileSync(file, 'utf8');
      rmSync(file);
      restorers.push(() => writeFileSync(file, saved));
      return [];
    },
    gates: ['lint'],
  },
  { rule: 'R17', title: 'an exported function without TSDoc', apply: place('r17-undocumented.ts', `${MODULE}/invoices.undocumented.ts`), gates: ['lint'] },
  {
    rule: 'R18',
    title: 'a datasource that is not PostgreSQL',
    apply: (svc) => {
      const file = join(svc, 'src/backend/db/schema.prisma');
      const saved = readFileSync(file, 'utf8');
      writeFileSync(file, saved.replace('provider = "postgresql"', 'provider = "sqlite"'));
      restorers.push(() => writeFileSync(file, saved));
      return [];
    },
    gates: ['layout'],
  },
];

let restorers: Array<() => void> = [];

describe('npm run check: each rule fixture makes the check fail with its rule id', () => {
  let svc: string;
  let added: string[] = [];
  beforeAll(() => {
    svc = copyService();
  });
  afterAll(() => removeCopy(svc));
  afterEach(() => {
    for (const f of added) rmSync(f, { force: true });
    rmSync(join(svc, 'src/backend/helpers'), { recursive: true, force: true });
    rmSync(join(svc, MODULE, 'extra'), { recursive: true, force: true });
    for (const restore of restorers) restore();
    added = [];
    restorers = [];
  });

  it('When the copy is untouched, then lint, layout and duplication pass', async () => {
    const { report } = await runChecks({ target: svc, json: true, gates: ['lint', 'layout', 'duplication'] });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('passed');
  });

  it.each(CASES)('When $rule is broken by $title, then the check fails with $rule', async ({ rule, apply, gates }) => {
    added = apply(svc);
    const { report } = await runChecks({ target: svc, json: true, gates });
    expect(report.status).toBe('failed');
    expect(report.errors.map((e) => e.rule)).toContain(rule);
    const hit = report.errors.find((e) => e.rule === rule);
    expect(hit?.message).toBeTruthy();
  });

  it('When run as a command with --json on a broken copy, then it exits 1 and prints the four keys', () => {
    added = place('r8-todo.ts', `${MODULE}/invoices.todo.ts`)(svc);
    const out = spawnSync(bin('tsx'), [join(REPO_ROOT, 'checks/run.ts'), svc, '--json', '--only', 'lint'], { encoding: 'utf8' });
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(['errors', 'files_changed', 'next_action', 'status']);
    expect(report.status).toBe('failed');
    expect(report.errors).toContainEqual({ rule: 'R8', file: `${MODULE}/invoices.todo.ts`, line: 2, message: expect.stringContaining('todo') });
    expect(report.next_action).toMatch(/^Fix R8 in /);
  });

  it('When run through npm (npm run -s check -- <dir> --json), then stdout is one JSON object', () => {
    const out = spawnSync('npm', ['run', '-s', 'check', '--', svc, '--json', '--only', 'layout'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as { status: string; errors: unknown[] };
    expect(report.status).toBe('passed');
    expect(report.errors).toEqual([]);
  });

  it('When an option is unknown, then it refuses with exit code 2', () => {
    const out = spawnSync(bin('tsx'), [join(REPO_ROOT, 'checks/run.ts'), svc, '--only', 'nonsense'], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/--only takes gate names from/);
  });
});
