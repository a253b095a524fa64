import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderEndpoint } from '../generators/endpoint/index.js';
import { GeneratorInputError } from '../generators/errors.js';
import { parseFields } from '../generators/fields.js';
import { moduleNames } from '../generators/naming.js';

const word = fc.stringMatching(/^[a-z][a-zA-Z0-9]{1,12}$/);
const type = fc.constantFrom(
  'string', 'text', 'int', 'bigint', 'decimal', 'boolean', 'datetime', 'uuid', 'json',
  'enum(low|high)', 'enum(a|bB|c_d)', 'ref(customers)', 'secret',
);
const item = fc
  .tuple(word, type, fc.constantFrom('', '?', '!', '?!'), fc.constantFrom('', '=0', '=1.5', '=true', '=now', '=uuid', '=low', '=abc'))
  .map(([name, t, modifiers, def]) => `${name}:${t}${modifiers}${def}`);
/** The module `ref(customers)` points at. */
const CUSTOMERS = { name: 'customers', fields: 'name:string email:string!', migration: '20260101000000_create_customers' };
/** The module `refs(labels)` links to. */
const LABELS = { name: 'labels', fields: 'name:string!', migration: '20260101000001_create_labels' };
/** The result, or `undefined` when the generator refuses the input (any other error fails the property). */
const accepted = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch (err) {
    if (err instanceof GeneratorInputError) return undefined;
    throw err;
  }
};

/**
 * `--key` and `--unique` drawn from the items' names (most draws are refused, and skipped), and
 * `--filters`; `slugFrom` adds a source of that type and `permalink:slug(<source>)`, the key;
 * `parent` nests the module under `customers` through an added `owningCustomer:ref(customers)`;
 * `linked` adds many-to-many links `tagged:refs(labels)`; `envelope` renders for a service with the
 * wire envelope (`service --envelope`).
 */
const shape = fc.record({
  key: fc.option(fc.nat(4), { nil: undefined }),
  slugFrom: fc.option(fc.constantFrom('string', 'text', 'string!', 'text!'), { nil: undefined }),
  /** `--parent=customers` (with a required ref to it) and its `--on-delete`. */
  parent: fc.option(fc.constantFrom('cascade', 'restrict', undefined), { nil: null }),
  unique: fc.option(fc.uniqueArray(fc.nat(4), { minLength: 2, maxLength: 3 }), { nil: undefined }),
  filters: fc.boolean(),
  linked: fc.boolean(),
  envelope: fc.boolean(),
});

// Property: every module name, field spec, route key (given or derived), composite unique, list filter,
// nesting and many-to-many link the generator accepts renders files with no HTML escaping, and every TypeScript file
// among them parses and transpiles without a diagnostic.
describe('every accepted input renders valid code (fast-check)', () => {
  it('When a name, a spec and its shape are accepted, then no file holds &#x, &amp; or &lt; and every .ts file compiles', () => {
    let slugs = 0;
    let nested = 0;
    let linked = 0;
    let enveloped = 0;
    fc.assert(
      fc.property(word, fc.array(item, { minLength: 1, maxLength: 5 }), shape, (rawName, drawn, picks) => {
        const items = [
          ...drawn,
          ...(picks.slugFrom === undefined ? [] : [`slugSource:${picks.slugFrom}`, 'permalink:slug(slugSource)']),
          ...(picks.parent === null ? [] : ['owningCustomer:ref(customers)']),
          ...(picks.linked ? ['tagged:refs(labels)'] : []),
        ];
        const names = accepted(() => moduleNames(rawName));
        const fields = names && accepted(() => parseFields(items.join(' '), names.Entity));
        fc.pre(names !== undefined && fields !== undefined);
        if (!names || !fields) return;
        const nameAt = (i: number): string | undefined => fields[i]?.ref?.relation ?? fields[i]?.name;
        const request = {
          key: picks.slugFrom !== undefined ? 'permalink' : picks.key === undefined ? undefined : fields[picks.key]?.name,
          unique: picks.unique?.map(nameAt).filter((n) => n !== undefined).join(','),
          filters: picks.filters,
          envelope: picks.envelope,
          ...(picks.parent === null ? {} : { parent: 'customers', onDelete: picks.parent }),
        };
        const rendered = accepted(() => renderEndpoint(names, fields, '20260101000000_create_x', [CUSTOMERS, LABELS], [], undefined, request));
        fc.pre(rendered !== undefined);
        if (!rendered) return;
        const { files, registrations } = rendered;
        if (picks.slugFrom !== undefined) slugs += 1;
        if (picks.parent !== null) nested += 1;
        if (picks.linked) linked += 1;
        if (picks.envelope) enveloped += 1;
        const texts = [...files.map((f) => [f.path, f.content] as const), ...[...registrations].map(([p, b]) => [p, JSON.stringify(b)] as const)];
        for (const [path, content] of texts) {
          expect(content, path).not.toMatch(/&#x|&amp;|&lt;|&gt;|&quot;/);
        }
        for (const file of files.filter((f) => f.path.endsWith('.ts'))) {
          const out = ts.transpileModule(file.content, {
            fileName: file.path,
            reportDiagnostics: true,
            compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
          });
          expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) ?? [], file.path).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
    // The draws reach derived keys: a property that never renders one would prove nothing about them.
    expect(slugs).toBeGreaterThan(0);
    expect(nested).toBeGreaterThan(0);
    expect(linked).toBeGreaterThan(0);
    expect(enveloped).toBeGreaterThan(0);
  });
});
