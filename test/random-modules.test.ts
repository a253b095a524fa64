import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorInputError } from '../generators/errors.js';
import { parseFields } from '../generators/fields.js';
import { parseRouteKey } from '../generators/key.js';
import { moduleNames } from '../generators/naming.js';
import { parseCompositeUniques } from '../generators/unique.js';
import { cloneRepository, removeClone, run, shellEnv } from './support/workspace.js';

// Issue 9: the suite must hold for whatever a user generates. One random set of accepted modules
// (refs, several to one module, enums, json, secret fields, unique, defaults, route keys, derived
// slug keys, composite unique indexes, list filters, nesting, many-to-many links, use cases) is generated into a clean clone, committed
// there, and then the clone's own tests run green: the byte-identical regeneration (dogfood) and
// the example service's whole suite (unit, API, database, reliability, dev server). One sample per
// run (the suite is minutes long); SCAFFOLD_SEED=<n> replays a failing one.

/** Module names no example module uses (the example's domain may change; these stay unusual). */
const MODULES = ['zorps', 'quibbles', 'flanges'];
const FIELD_NAMES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
const USECASES = ['archive', 'approve', 'markDone'];

/** A default that fits each type (the grammar's own examples). */
const DEFAULTS: Record<string, string> = {
  string: 'abc', text: 'abc', int: '0', bigint: '7', decimal: '9.99', boolean: 'true', datetime: 'now', uuid: 'uuid',
};

/** One field item `name:type[?][!][=default]` over every type and modifier; `refs` are earlier modules. */
const fieldItem = (name: string, refs: string[]): fc.Arbitrary<string> =>
  fc
    .record({
      type: fc.constantFrom('string', 'text', 'int', 'bigint', 'decimal', 'boolean', 'datetime', 'uuid', 'json', 'secret', 'enum(low|mid|high)', ...refs.map((r) => `ref(${r})`)),
      optional: fc.boolean(),
      unique: fc.boolean(),
      withDefault: fc.boolean(),
    })
    .map(({ type, optional, unique, withDefault }) => {
      const fallback = type.startsWith('enum(') ? 'mid' : DEFAULTS[type];
      const value = withDefault && fallback !== undefined ? `=${fallback}` : '';
      return `${name}:${type}${optional ? '?' : ''}${unique ? '!' : ''}${value}`;
    });

/** A field spec the grammar accepts (refused combinations, e.g. a unique boolean, are left out). */
const spec = (refs: string[]): fc.Arbitrary<string> =>
  fc
    .shuffledSubarray(FIELD_NAMES, { minLength: 1, maxLength: 4 })
    .chain((names) => fc.tuple(...names.map((n) => fieldItem(n, refs))))
    .map((items) => items.join(' '))
    .filter((s) => {
      try {
        parseFields(s, 'Zorp');
        return true;
      } catch (err) {
        if (err instanceof GeneratorInputError) return false;
        throw err;
      }
    });

/** Whether a planning step accepts its input (a refusal is a GeneratorInputError). */
const accepts = (fn: () => unknown): boolean => {
  try {
    fn();
    return true;
  } catch (err) {
    if (err instanceof GeneratorInputError) return false;
    throw err;
  }
};

/**
 * The endpoint arguments of one module: its spec, maybe `--key=<field>` (a field the grammar takes
 * as a route key) or a derived `permalink:slug(<field>)` key, maybe `--unique=<a,b>` over two of its
 * fields, maybe `--filters` (issue 11, items 1, 5 and 6) and maybe `tags:refs(<earlier module>)` (item 3).
 */
const endpointArgs = (module: string, refs: string[], nestable = false): fc.Arbitrary<string[]> =>
  spec(refs).chain((s) => {
    const names = moduleNames(module);
    const fields = parseFields(s, names.Entity);
    const memberNames = fields.map((f) => f.ref?.relation ?? f.name);
    // A derived key (`permalink:slug(<source>)`) needs a required string or text source with no default.
    const sources = fields.filter((f) => (f.type === 'string' || f.type === 'text') && !f.optional && !f.hasDefault).map((f) => f.name);
    return fc
      .record({
        key: fc.option(fc.constantFrom(...fields.map((f) => f.name)), { nil: undefined }),
        slug: sources.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...sources), { nil: undefined }),
        unique: memberNames.length < 2
          ? fc.constant(undefined)
          : fc.option(fc.uniqueArray(fc.constantFrom(...memberNames), { minLength: 2, maxLength: 2 }).map((pair) => pair.join(',')), { nil: undefined }),
        filters: fc.boolean(),
        parent: nestable ? fc.option(fc.constantFrom(...refs), { nil: undefined, freq: 2 }) : fc.constant(undefined),
        onDelete: fc.constantFrom(undefined, 'cascade', 'restrict'),
        link: refs.length === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...refs), { nil: undefined }),
      })
      .map(({ key, slug, unique, filters, parent, onDelete, link }) => {
        // Nesting is refused with a secret; it needs a required ref to the parent (added
        // when missing) and another field (the path names the parent: a body needs something else).
        const parentRef = fields.some((f) => f.ref?.target.name === parent && !f.optional);
        const nests = parent !== undefined && !fields.some((f) => f.secret) && (!parentRef || fields.length > 1);
        const holder = nests && !parentRef ? ` holder:ref(${parent})` : '';
        // Many-to-many links to an earlier module.
        const links = link !== undefined ? ` tags:refs(${link})` : '';
        return { key, slug, unique, filters, holder: `${holder}${links}`, nest: nests ? [`--parent=${parent}`, ...(onDelete ? [`--on-delete=${onDelete}`] : [])] : [] };
      })
      .map(({ key, slug, unique, filters, holder, nest }) => ({
        nest,
        spec: `${s}${holder}${slug === undefined ? '' : ` permalink:slug(${slug})`}`,
        key: slug !== undefined ? 'permalink' : key !== undefined && accepts(() => parseRouteKey(key, fields, names)) ? key : undefined,
        unique: unique !== undefined && accepts(() => parseCompositeUniques(unique, fields, names)) ? unique : undefined,
        filters,
      }))
      .map(({ spec: full, key, unique, filters, nest }) => ['endpoint', module, full, ...(key ? [`--key=${key}`] : []), ...(unique ? [`--unique=${unique}`] : []), ...(filters ? ['--filters'] : []), ...nest]);
  });

/**
 * Three modules, each may reference the earlier ones (maybe twice), the last maybe nested under one
 * of them (`--parent`, issue 11 item 2), and one or two use cases (not on a nested module: refused).
 */
const sample = fc
  .tuple(endpointArgs(MODULES[0] as string, []), endpointArgs(MODULES[1] as string, MODULES.slice(0, 1)), endpointArgs(MODULES[2] as string, MODULES.slice(0, 2), true))
  .chain((specs) => {
    const flat = MODULES.filter((_, i) => !specs[i]?.some((a) => a.startsWith('--parent=')));
    return fc.record({
      specs: fc.constant(specs),
      usecases: fc.uniqueArray(fc.tuple(fc.constantFrom(...flat), fc.constantFrom(...USECASES)), { minLength: 1, maxLength: 2, selector: ([m, u]) => `${m}.${u}` }),
    });
  });

describe.skipIf(process.env.SCAFFOLD_NESTED_SUITE === '1')('a random set of accepted modules', () => {
  const seed = Number(process.env.SCAFFOLD_SEED) || Date.now() % 2 ** 31;
  const { specs, usecases } = fc.sample(sample, { numRuns: 1, seed })[0] as { specs: string[][]; usecases: [string, string][] };
  let clone: string;
  beforeAll(() => {
    clone = cloneRepository();
  });
  afterAll(() => removeClone(clone));
  const plop = (args: string[]) => run('npx', ['plop', ...args, '--json'], clone);

  it(`(SCAFFOLD_SEED=${seed}) When generated into a clean clone, then every run is ok, regeneration is byte-identical and the service's whole suite passes`, () => {
    const commands = [
      ...specs,
      ...usecases.map(([m, u]) => ['usecase', m, u]),
    ];
    for (const args of commands) {
      const result = plop(args);
      expect(result.status, `npx plop ${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
    }
    const git = (...args: string[]) => run('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], clone);
    expect(git('add', '-A').status).toBe(0);
    expect(git('commit', '-qm', 'generated').status).toBe(0);
    expect(run('git', ['status', '--porcelain'], clone).stdout).toBe('');

    const dogfood = run('npx', ['vitest', 'run', '--project', 'generators', 'test/dogfood.test.ts'], clone);
    expect(dogfood.status, commands.map((c) => c.join(' ')).join('\n') + dogfood.stdout + dogfood.stderr).toBe(0);
    const suite = run('npm', ['test'], join(clone, 'example-service'), {}, shellEnv(), 1_500_000);
    expect(suite.status, commands.map((c) => c.join(' ')).join('\n') + suite.stdout.slice(-20_000) + suite.stderr.slice(-5_000)).toBe(0);
    // That suite holds test/openapi-document.test.ts: Redocly's recommended lint finds nothing on the
    // document of these modules too, and a client typed from it compiles (issue 11, item 8).
    expect(suite.stdout).toMatch(/openapi-document\.test\.ts/);
  }, 1_800_000);
});
