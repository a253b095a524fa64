import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { destructionOrder } from '../generators/endpoint/destroy.js';
import { planDestroy, renderEndpoint } from '../generators/endpoint/index.js';
import { parseFields } from '../generators/fields.js';
import { MANIFEST_FILE, parseManifest } from '../generators/manifest.js';
import { handWrittenRegions, keepHandWritten } from '../generators/regions.js';
import { replay } from '../generators/regenerate.js';
import { moduleNames } from '../generators/naming.js';
import { applyAll } from '../generators/transaction.js';
import { shapeOf } from '../generators/usecase/shape.js';
import { planAuth } from '../generators/auth/plan.js';
import { planAuthDestroy } from '../generators/auth/undo.js';
import { copyService, readTree, removeCopy } from './support/workspace.js';

// Dogfooding: the example service's modules are generator output. Strip every recorded module
// from a copy (back to the hand-written skeleton), regenerate them from `scaffold.json` in order
// (use cases included), and the tree must be byte-identical to the committed service once the
// declared hand-written regions (`// #region hand-written <id>`: use case rules and their tests)
// are carried over — the same step `npm run example:regenerate` takes.
describe('example-service is generator output', () => {
  const copy = copyService();
  afterAll(() => removeCopy(copy));
  const expected = readTree(copy);
  const manifest = parseManifest(readFileSync(join(copy, MANIFEST_FILE), 'utf8'));

  it('holds at least two generated modules', () => {
    expect(manifest.modules.length).toBeGreaterThanOrEqual(2);
    expect(manifest.auth?.migration).toMatch(/^\d{14}_create_auth$/);
  });

  it('holds a module built through several `field` steps (an add and a remove)', () => {
    const steps = manifest.modules.flatMap((m) => m.history ?? []);
    expect(steps.some((s) => s.add !== undefined)).toBe(true);
    expect(steps.some((s) => s.remove !== undefined)).toBe(true);
  });

  it('holds a secret field (hashed, never answered) and an --auth module with an owner field', () => {
    expect(manifest.modules.some((m) => parseFields(m.fields).some((f) => f.secret))).toBe(true);
    expect(manifest.modules.some((m) => m.auth !== undefined && parseFields(m.fields).some((f) => f.owner))).toBe(true);
  });

  it('When every module is removed and regenerated, then every file is byte-identical', () => {
    for (const module of destructionOrder(manifest.modules)) {
      applyAll(copy, planDestroy({ serviceDir: copy, name: module.name, force: true }));
    }
    // `npx plop auth` (users + auth) is removed last and regenerated first.
    if (manifest.auth) applyAll(copy, planAuthDestroy({ serviceDir: copy }));
    const skeleton = readTree(copy);
    expect(Object.keys(skeleton).filter((path) => /\/(auth|users)\/|create_auth/.test(path))).toEqual([]);
    if (manifest.auth) applyAll(copy, planAuth({ serviceDir: copy, migration: manifest.auth.migration }).changes);
    for (const module of manifest.modules) {
      expect(Object.keys(skeleton).filter((path) => path.includes(`/${module.name}/`))).toEqual([]);
    }
    for (const step of replay(manifest)) step(copy);
    const actual = readTree(copy);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const path of Object.keys(expected)) expect(keepHandWritten(actual[path] ?? '', expected[path]), path).toBe(expected[path]);
  });

  it('When a use case is recorded, then its rule and its tests are hand-written in their regions (not the generated stub)', () => {
    const withUsecases = manifest.modules.filter((m) => (m.usecases ?? []).length > 0);
    expect(withUsecases.length).toBeGreaterThanOrEqual(1);
    const committed = expected;
    const handWritten = new Set<string>();
    for (const module of withUsecases) {
      const names = moduleNames(module.name);
      const fresh = renderEndpoint(names, parseFields(module.fields, names.Entity), module.migration, manifest.modules, module.usecases, module.auth, { unique: module.unique, key: module.key }).files;
      for (const [file, region] of [['service.ts', 'usecase'], ['service.test.ts', 'tests']] as const) {
        const path = `src/backend/services/${module.name}/${module.name}.${file}`;
        const generated = handWrittenRegions(fresh.find((f) => f.path === path)?.content ?? '');
        const written = handWrittenRegions(committed[path] ?? '');
        for (const usecase of (module.usecases ?? []).map((u) => shapeOf(u).name)) {
          expect(written.get(`${region}:${usecase}`), `${path} ${region}:${usecase}`).toBeDefined();
          if (!isDeepStrictEqual(written.get(`${region}:${usecase}`), generated.get(`${region}:${usecase}`))) handWritten.add(`${module.name}.${usecase}:${region}`);
        }
      }
    }
    // The reference shows at least one use case whose rule and tests were written by hand; a use case
    // a user just generated keeps its stub (the suite must hold for whatever a user generates).
    const rules = [...handWritten].filter((k) => k.endsWith(':usecase')).map((k) => k.replace(/:usecase$/, ''));
    expect(rules.length).toBeGreaterThanOrEqual(1);
    for (const rule of rules) expect(handWritten.has(`${rule}:tests`), `${rule} has hand-written tests`).toBe(true);
  });
});
