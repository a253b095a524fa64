import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planDestroy, runEndpoint } from '../generators/endpoint/index.js';
import { MANIFEST_FILE, parseManifest } from '../generators/manifest.js';
import { applyAll } from '../generators/transaction.js';
import { copyService, readTree, removeCopy } from './support/workspace.js';

// Dogfooding: the example service's modules are generator output. Strip every recorded module
// from a copy (back to the hand-written skeleton), regenerate them from `scaffold.json` in order,
// and the tree must be byte-identical to the committed service (git HEAD: what a user generated
// into the working folder is not part of the reference).
describe('example-service is generator output', () => {
  const copy = copyService();
  afterAll(() => removeCopy(copy));
  const expected = readTree(copy);
  const manifest = parseManifest(readFileSync(join(copy, MANIFEST_FILE), 'utf8'));

  it('holds at least two generated modules', () => {
    expect(manifest.modules.length).toBeGreaterThanOrEqual(2);
  });

  it('holds a module built through several `field` steps (an add and a remove)', () => {
    const steps = manifest.modules.flatMap((m) => m.history ?? []);
    expect(steps.some((s) => s.add !== undefined)).toBe(true);
    expect(steps.some((s) => s.remove !== undefined)).toBe(true);
  });

  it('When every module is removed and regenerated, then every file is byte-identical', () => {
    for (const module of [...manifest.modules].reverse()) {
      applyAll(copy, planDestroy({ serviceDir: copy, name: module.name }));
    }
    const skeleton = readTree(copy);
    for (const module of manifest.modules) {
      expect(Object.keys(skeleton).filter((path) => path.includes(`/${module.name}/`))).toEqual([]);
    }
    for (const module of manifest.modules) {
      runEndpoint({ ...module, serviceDir: copy }, { generateClient: false });
    }
    const actual = readTree(copy);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const path of Object.keys(expected)) expect(actual[path], path).toBe(expected[path]);
  });
});
