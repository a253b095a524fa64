import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatorArgument, missingArgument, MISSING_ANSWER, usageOf } from '../generators/cli/usage.js';
import { copyService, readTree, removeCopy, run } from './support/workspace.js';

// Every refusal exits 2 and names the command to run instead, with and without --json, with no
// terminal (stdin is not a TTY in `run`). Before issue 9 a missing argument exited 130 with --json
// (an exit inside an inquirer prompt turns into SIGINT) and 1 without, and every hint suggested
// `npx plop endpoint …`.
describe('npx plop refusals without a terminal', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
  });
  afterAll(() => removeCopy(service));

  const cases: [string, string[], RegExp][] = [
    ['endpoint without fields', ['endpoint', 'payments'], /Missing "fields" and no terminal to ask on: pass it as an argument, e\.g\. npx plop endpoint invoices "number:string amount:decimal"\./],
    ['endpoint without anything', ['endpoint'], /Missing "name" and "fields" and no terminal to ask on: pass them as arguments, e\.g\. npx plop endpoint /],
    ['usecase without its name', ['usecase', 'invoices'], /Missing "name" .*e\.g\. npx plop usecase invoices markPaid\./],
    ['usecase without anything', ['usecase'], /Missing "module" and "name" .*e\.g\. npx plop usecase invoices markPaid\./],
    ['service without a name', ['service'], /Missing "name" .*e\.g\. npx plop service billing\./],
    ['destroy without a name', ['destroy'], /Missing "name" .*e\.g\. npx plop destroy invoices\./],
    ['no generator', [], /No generator given and no terminal to choose one on: run one of npx plop endpoint .*npx plop usecase invoices markPaid/],
    ['an unknown generator', ['endpoints', 'orders'], /Unknown generator "endpoints": run one of npx plop endpoint /],
  ];

  it.each(cases)('When %s is run with --json, then exit 2, one refused JSON object naming the command, nothing written', (_label, args, message) => {
    const before = readTree(service);
    const result = run('npx', ['plop', '--dest', service, ...args, '--json']);
    const lines = result.stdout.trim().split('\n');
    expect(lines, result.stdout + result.stderr).toHaveLength(1);
    const json = JSON.parse(lines[0] as string) as { status: string; errors: string[]; files_changed: string[] };
    expect(json.status).toBe('refused');
    expect(json.files_changed).toEqual([]);
    expect(json.errors.join('\n')).toMatch(message);
    expect(result.status).toBe(2);
    expect(readTree(service)).toEqual(before);
  });

  it.each(cases)('When %s is run without --json, then exit 2 and stderr names the command', (_label, args, message) => {
    const result = run('npx', ['plop', '--dest', service, ...args]);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
  });
});

describe('refusal helpers', () => {
  it('When an answer is missing, then the refusal names it and the generator\'s own example', () => {
    expect(missingArgument('usecase', { module: 'invoices', name: MISSING_ANSWER })?.message).toBe(
      'Missing "name" and no terminal to ask on: pass it as an argument, e.g. npx plop usecase invoices markPaid.',
    );
    expect(missingArgument('usecase', { module: 'invoices', name: 'markPaid' })).toBeUndefined();
  });

  it('When a generator has no recorded example, then its prompts are the placeholders', () => {
    expect(usageOf('auth', ['name', 'roles'])).toBe('npx plop auth <name> <roles>');
  });

  it.each([
    [['--dest', 'billing', 'endpoint', 'orders'], 'endpoint'],
    [['--json', '--dest', 'endpoint', 'usecase'], 'usecase'],
    [['--json'], undefined],
    [['--', 'endpoint'], undefined],
    [['--help'], null],
    [['-v'], null],
  ])('When the command line is %j, then the generator is %s', (argv, expected) => {
    expect(generatorArgument(argv)).toBe(expected);
  });
});
