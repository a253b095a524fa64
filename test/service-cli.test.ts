import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkspace } from '../generators/service/plan.js';
import { plopJson } from './support/agent.js';
import { readTree, REPO_ROOT } from './support/workspace.js';

const PACKAGE = '{\n  "name": "ws",\n  "private": true,\n  "workspaces": [\n    "example-service"\n  ],\n  "scripts": {}\n}\n';

// `npx plop service <name>` against a workspace root made under <repo>/.tmp/ (packages resolve from
// the root node_modules). Its typecheck and tests, and modules added to it, are in agent-script.test.ts.
describe('npx plop service', () => {
  let root: string;
  const plop = (args: string[]) => plopJson(root, args);
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
    root = mkdtempSync(join(REPO_ROOT, '.tmp', 'ws-'));
    writeFileSync(join(root, 'package.json'), PACKAGE);
    mkdirSync(join(root, 'taken'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['an existing folder', ['service', 'taken'], /already exists/],
    ['a reserved name', ['service', 'node_modules'], /Service name "node_modules" is invalid|reserved/],
    ['a reserved folder name', ['service', 'templates'], /reserved/],
    ['upper case', ['service', 'Billing'], /Service name "Billing" is invalid/],
    ['a path', ['service', '../billing'], /is invalid/],
    ['a missing name', ['service'], /Missing "name" and no terminal/],
  ])('When refused (%s), then exit non-zero, JSON names the problem, nothing changes', (_label, args, message) => {
    const before = readTree(root);
    const { status, json } = plop(args);
    expect(status).not.toBe(0);
    expect(json.status).toBe('refused');
    expect(json.errors.join('\n')).toMatch(message);
    expect(readTree(root)).toEqual(before);
  });

  it('When --dry-run, then nothing is written', () => {
    const before = readTree(root);
    const { json } = plop(['service', 'billing', '--dry-run']);
    expect(json.status).toBe('planned');
    expect(json.files_changed).toContain(`${root.slice(REPO_ROOT.length)}/billing/src/app.ts`);
    expect(readTree(root)).toEqual(before);
  });

  it('When billing is created, then it holds the skeleton with no module and the workspaces array gains one line', () => {
    const { status, json } = plop(['service', 'billing', '--req=REQ-9']);
    expect(json.errors).toEqual([]);
    expect(status).toBe(0);
    expect(json.next_action).toMatch(/npm install && npm run typecheck -w billing/);
    const files = Object.keys(readTree(join(root, 'billing')));
    for (const f of ['package.json', 'tsconfig.json', 'vitest.config.ts', 'scaffold.json', 'src/config.ts', 'src/logger.ts', 'src/app.ts', 'src/backend/db/common/index.ts', '__http__/health.http', 'scripts/prisma-generate.mjs', 'prisma/migrations/migration_lock.toml', 'test/health.test.ts', 'BACKEND-LOG.md', 'traceability_matrix.json', '.gitignore']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('prisma/migrations/'))).toEqual(['prisma/migrations/migration_lock.toml']);
    expect(files.filter((f) => /customers|invoices/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('__http__/'))).toEqual(['__http__/health.http']);
    const read = (f: string): string => readFileSync(join(root, 'billing', f), 'utf8');
    expect(JSON.parse(read('scaffold.json'))).toEqual({ modules: [] });
    expect((JSON.parse(read('package.json')) as { name: string }).name).toBe('billing');
    expect(read('src/composition-root.ts')).not.toMatch(/customers|invoices/i);
    expect(read('BACKEND-LOG.md')).toContain('<!-- scaffold-run: service billing -->');
    expect(readFileSync(join(root, 'package.json'), 'utf8')).toBe(PACKAGE.replace('    "example-service"\n', '    "example-service",\n    "billing"\n'));
    expect(plop(['service', 'billing']).json.errors.join('')).toMatch(/already exists/);
  });

  it('When a workspaces array is inline or empty, then only the array changes', () => {
    expect(addWorkspace('{"workspaces": ["a"], "x": 1}\n', 'b')).toBe('{"workspaces": ["a", "b"], "x": 1}\n');
    expect(addWorkspace('{\n  "workspaces": []\n}\n', 'b')).toBe('{\n  "workspaces": ["b"]\n}\n');
  });
});
