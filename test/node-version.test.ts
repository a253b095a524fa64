import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimumVersion, nodeVersionProblem } from '../example-service/scripts/node-version.mjs';
import { serviceSkeleton } from '../generators/service/plan.js';
import { copyService, EXAMPLE_SERVICE, REPO_ROOT, removeCopy, run } from './support/workspace.js';

const engines = (path: string): string | undefined => (JSON.parse(readFileSync(path, 'utf8')) as { engines?: { node?: string } }).engines?.node;

/** A run on a Node older than engines.node (faked); PORT 0 in case the guard failed to stop dev. */
const oldNode = (): Record<string, string> => ({ SCAFFOLD_NODE_VERSION: '20.20.2', PORT: '0' });
/** This process's environment without the override the test configs set. */
const withoutOverride = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.SCAFFOLD_ALLOW_UNSUPPORTED_NODE;
  return env;
};

// Issue 9: the dependencies need Node 22.12+ (@prisma/streams-local >= 22, jscpd's commander >=
// 22.12); `npm ci` only warns, so `npm run dev` and the generators stop with one line instead.
describe('Node.js version', () => {
  it('When engines.node is read, then root, example-service and a generated service require >= 22.12', () => {
    expect(engines(join(REPO_ROOT, 'package.json'))).toBe('>=22.12');
    expect(engines(join(EXAMPLE_SERVICE, 'package.json'))).toBe('>=22.12');
    const copy = copyService();
    try {
      const skeleton = serviceSkeleton(copy, 'billing', '../checks/run.ts');
      const pkg = JSON.parse(skeleton.get('package.json') as string) as { engines: { node: string }; scripts: Record<string, string> };
      expect(pkg.engines.node).toBe('>=22.12');
      expect(pkg.scripts.predev).toBe('node scripts/node-version.mjs');
      expect(skeleton.has('scripts/node-version.mjs')).toBe(true);
    } finally {
      removeCopy(copy);
    }
  });

  it('When the README names the Node versions, then they are the engines minimum and 24 LTS', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/## Quick start \(fresh machine: Node(\.js)? 22\.12\+ or 24 LTS, nothing else\)/);
    expect(readme).not.toMatch(/20\.19/);
  });

  it.each([
    ['20.20.2', '>=22.12', true],
    ['v22.11.9', '>=22.12', true],
    ['22.12.0', '>=22.12', false],
    ['24.1.0', '>=22.12', false],
    ['23.0.0', '>=22.12.1', false],
    ['22.12.0', '>=22.12.1', true],
  ])('When Node %s meets engines %s, then a problem is reported: %s', (version, range, problem) => {
    expect(nodeVersionProblem(version, range) !== undefined).toBe(problem);
  });

  it('When the version is too old, then the line names the required and the running version', () => {
    expect(nodeVersionProblem('20.20.2', '>=22.12')).toBe(
      'Node.js 22.12.0 or newer is required (engines.node ">=22.12"); this is Node.js 20.20.2. Install Node.js 22 LTS or newer (or set SCAFFOLD_ALLOW_UNSUPPORTED_NODE=1 to run unsupported).',
    );
  });

  it('When engines.node is not a lower bound, then the check refuses to guess', () => {
    expect(() => minimumVersion('^22.12 || >=24')).toThrow(/not of the form/);
    expect(minimumVersion('>=22')).toEqual([22, 0, 0]);
  });
});

describe('on a Node older than engines.node', () => {
  const service = copyService();
  afterAll(() => removeCopy(service));
  const spawn = (command: string, args: string[], cwd = REPO_ROOT, extra: Record<string, string> = {}) =>
    run(command, args, cwd, { ...oldNode(), ...extra }, withoutOverride());

  it('When a generator runs, then it stops with exit 1 and one line naming the required version, writing nothing', () => {
    const result = spawn('npx', ['plop', '--dest', service, 'endpoint', 'payments', 'amount:decimal', '--json']);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Node\.js 22\.12\.0 or newer is required .*this is Node\.js 20\.20\.2\./)]);
    expect(result.status).toBe(1);
  });

  it('When `npm run dev` runs, then it stops before the service starts, naming the required version', () => {
    const result = spawn('npm', ['run', 'dev']);
    expect(result.stderr).toMatch(/^Node\.js 22\.12\.0 or newer is required/m);
    expect(result.stdout + result.stderr).not.toMatch(/listening|prisma-generate/i);
    expect(result.status).not.toBe(0);
  });

  it('When SCAFFOLD_ALLOW_UNSUPPORTED_NODE=1, then the generator runs anyway', () => {
    const result = spawn('npx', ['plop', '--dest', service, 'endpoint', 'payments', 'amount:decimal', '--json', '--dry-run'], REPO_ROOT, { SCAFFOLD_ALLOW_UNSUPPORTED_NODE: '1' });
    expect(JSON.parse(result.stdout) as { status: string }).toMatchObject({ status: 'planned' });
    expect(result.status).toBe(0);
  });
});
