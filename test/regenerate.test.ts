import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destructionOrder } from '../generators/endpoint/destroy.js';
import { runEndpoint } from '../generators/endpoint/index.js';
import { planField } from '../generators/field/plan.js';
import { MANIFEST_FILE, parseManifest, type ModuleRecord } from '../generators/manifest.js';
import { regenerateService } from '../generators/regenerate.js';
import { applyAll } from '../generators/transaction.js';
import { copyService, readTree, removeCopy } from './support/workspace.js';

// `tsx generators/regenerate.ts <service>` rewrites every module from scaffold.json. A field step
// may give a module a ref or refs to a module created after it: regeneration must still reproduce
// the service byte for byte (it creates that module with its first fields and replays its steps
// once every module exists), and destroying every module must find an order `destroy` accepts.
describe('regenerating a service whose field steps reference later modules', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
    const at = (day: number): Date => new Date(Date.UTC(2030, 5, day));
    runEndpoint({ serviceDir: service, name: 'shelves', fields: 'name:string', now: at(1) }, { generateClient: false });
    runEndpoint({ serviceDir: service, name: 'rooms', fields: 'title:string', now: at(2) }, { generateClient: false });
    runEndpoint({ serviceDir: service, name: 'stickers', fields: 'text:string', now: at(3) }, { generateClient: false });
    applyAll(service, planField({ serviceDir: service, module: 'shelves', add: 'room:ref(rooms)? stickers:refs(stickers)', now: at(4) }).changes);
    applyAll(service, planField({ serviceDir: service, module: 'shelves', add: 'depth:int?', now: at(5) }).changes);
  }, 120_000);
  afterAll(() => removeCopy(service));

  it('When the modules are destroyed, then each goes after every module that references it', () => {
    const manifest = parseManifest(readFileSync(join(service, MANIFEST_FILE), 'utf8'));
    const order = destructionOrder(manifest.modules).map((m) => m.name);
    expect(order.indexOf('shelves')).toBeLessThan(order.indexOf('rooms'));
    expect(order.indexOf('shelves')).toBeLessThan(order.indexOf('stickers'));
    const cycle: ModuleRecord[] = [
      { name: 'eggs', fields: 'hen:ref(hens)', migration: '20300101000000_create_eggs' },
      { name: 'hens', fields: 'egg:ref(eggs)', migration: '20300101000001_create_hens' },
    ];
    expect(() => destructionOrder(cycle)).toThrow(/reference each other/);
  });

  it('When the service is regenerated, then no file changes', () => {
    const before = readTree(service);
    expect(regenerateService(service)).toEqual([]);
    expect(readTree(service)).toEqual(before);
  }, 180_000);
});
