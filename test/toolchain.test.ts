import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { toolBin } from '../checks/report.js';
import { serviceSkeleton } from '../generators/service/plan.js';
import { run, EXAMPLE_SERVICE, REPO_ROOT } from './support/workspace.js';

interface LockEntry { version?: string; optionalDependencies?: Record<string, string> }
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

// Issue 13.4: type-checking with the native TypeScript 7 compiler side by side with the TypeScript 6
// package that typescript-eslint (and anything else importing `typescript`) needs — the npm aliases
// `@typescript/native` → `npm:typescript@7.x` (binary `tsc`) and `typescript` →
// `npm:@typescript/typescript6@6.x` (binary `tsc6`).
describe('TypeScript 7 for type-checking, TypeScript 6 for the compiler API', () => {
  it('When the typecheck gate runs tsc, then it is the native compiler, version 7', () => {
    const out = run(toolBin('tsc'), ['--version']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^Version 7\.\d+\.\d+/);
  });

  it('When a tool imports "typescript" (typescript-eslint, the property test), then it gets the TypeScript 6 API', () => {
    expect(ts.version).toMatch(/^6\./);
    expect(typeof ts.createProgram).toBe('function');
  });

  it('When the lockfile is read, then it holds every per-platform package of the native compiler (npm ci works on any OS)', () => {
    const native = lock.packages['node_modules/@typescript/native'];
    expect(native?.version).toMatch(/^7\./);
    const platforms = Object.keys(native?.optionalDependencies ?? {});
    expect(platforms.length).toBeGreaterThanOrEqual(10);
    expect(platforms.filter((name) => lock.packages[`node_modules/${name}`]?.version !== native?.version)).toEqual([]);
  });

  it('When the service generator builds a skeleton, then the new service declares both compilers as the example does', () => {
    const example = JSON.parse(readFileSync(join(EXAMPLE_SERVICE, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const skeleton = JSON.parse(serviceSkeleton(EXAMPLE_SERVICE, 'billing', '../checks/run.ts').get('package.json') as string) as typeof example;
    for (const pkg of [example, skeleton]) {
      expect(pkg.devDependencies['@typescript/native']).toMatch(/^npm:typescript@7\./);
      expect(pkg.devDependencies.typescript).toMatch(/^npm:@typescript\/typescript6@6\./);
    }
  });
});
