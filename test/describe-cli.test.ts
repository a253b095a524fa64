import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorInputError } from '../generators/errors.js';
import { parseFields } from '../generators/fields.js';
import { copyService, removeCopy, run } from './support/workspace.js';

interface Description {
  status: string;
  generators: { name: string; description: string; arguments: { name: string; schema: object }[]; flags: { flag: string; example: string }[]; examples: string[] }[];
  common_flags: { flag: string; example: string }[];
  field_grammar: object;
  exit_codes: Record<string, string>;
}

/** Splits an example command line the way a POSIX shell would (double quotes only). */
const words = (command: string): string[] => [...command.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replaceAll('"', ''));

// `npx plop describe --json`: what an agent reads first. It must be one JSON object, cover every
// registered generator, and everything it shows must be true: its field grammar schema agrees with
// the parser and every example it gives runs.
describe('npx plop describe --json', () => {
  let description: Description;
  beforeAll(() => {
    const result = run('npx', ['plop', 'describe', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    description = JSON.parse(lines[0] ?? '') as Description;
  });

  it('When run without a terminal, then it lists every generator with its arguments in order, its flags and the exit codes', () => {
    expect(description.status).toBe('ok');
    expect(description.generators.map((g) => g.name)).toEqual(['endpoint', 'usecase', 'describe', 'service', 'field', 'auth', 'destroy', 'batch']);
    const args = Object.fromEntries(description.generators.map((g) => [g.name, g.arguments.map((a) => a.name)]));
    expect(args).toEqual({ endpoint: ['name', 'fields'], usecase: ['module', 'name'], describe: [], service: ['name'], field: ['module', 'fields'], auth: [], destroy: ['name'], batch: ['plan'] });
    const destroy = description.generators.find((g) => g.name === 'destroy');
    expect(destroy?.flags.map((f) => f.flag)).toEqual(expect.arrayContaining(['--confirm-data-loss', '--usecase=<name>', '--force']));
    expect(description.common_flags.map((f) => f.flag.split(/[ =]/)[0])).toEqual(['--json', '--dry-run', '--req', '--dest']);
    expect(Object.keys(description.exit_codes)).toEqual(['0', '1', '2']);
    for (const g of description.generators) expect(g.examples.length, g.name).toBeGreaterThan(0);
  });

  it('When specs are checked with the field grammar schema, then it accepts what the parser accepts and rejects malformed ones', () => {
    const validate = new Ajv2020({ strict: false }).compile(description.field_grammar);
    const good = [
      'name:string',
      'email:string! phone:string?',
      'status:enum(pending|paid|shipped)=pending total:decimal',
      'customer:ref(customers) paid:boolean=false dueAt:datetime?=now',
      'ref:uuid!=uuid meta:json views:bigint=0 note:text?',
      'qty:int?!',
      'meta:json? author:owner',
      'title:string slug:slug(title)',
    ];
    for (const spec of good) {
      expect(validate(spec), spec).toBe(true);
      expect(() => parseFields(spec), spec).not.toThrow();
    }
    const bad = ['', 'name', 'name:money', 'Name:string', 'a:enum()', 'a:ref(../x)', 'a:string??', 'a:int=', 'a:string b', 'title:string slug:slug()', 'title:string slug:slug(Title)'];
    for (const spec of bad) {
      expect(validate(spec), spec).toBe(false);
      expect(() => parseFields(spec), spec).toThrow(GeneratorInputError);
    }
  });
});

// Every example command of the description, run in order against a copy of the example service
// (the copy is its `--dest`): each must succeed, so the description cannot drift from the CLI.
describe('describe examples', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
  });
  afterAll(() => removeCopy(service));

  it('When every example (service aside: it writes a workspace) is run, then each exits 0 with status ok', () => {
    const result = run('npx', ['plop', 'describe', '--json']);
    const d = JSON.parse(result.stdout) as Description;
    const commands = [...d.common_flags.map((f) => f.example), ...d.generators.flatMap((g) => [...g.flags.map((f) => f.example), ...g.examples])];
    // service writes a workspace; auth is refused here (the example has it): test/auth-cli.test.ts runs it.
    const runnable = commands.filter((c) => !/^npx plop (--dest \S+ )?(service|describe|auth)\b/.test(c));
    // Each use case example before its destroy, each module before its destroy.
    const order = (c: string): number => (/ destroy /.test(c) ? 1 : 0);
    for (const command of [...runnable].sort((a, b) => order(a) - order(b))) {
      const [, , ...args] = words(command);
      const dest = args[0] === '--dest' ? args.splice(0, 2) && [] : [];
      const out = run('npx', ['plop', '--dest', service, ...dest, ...args.filter((a) => a !== '--json'), '--json']);
      expect(out.status, `${command}\n${out.stdout}${out.stderr}`).toBe(0);
      expect((JSON.parse(out.stdout) as { status: string }).status, command).toMatch(/^(ok|planned)$/);
    }
    // About 25 generator runs, most with prisma generate: beyond the 4-minute default on a shared machine.
  }, 600_000);
});
