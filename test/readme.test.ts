import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, copyService, REPO_ROOT, removeCopy, run } from './support/workspace.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The commands of the README's quick start block, one per line (continuations joined). */
function quickStartCommands(): string[] {
  const block = /## Quick start[^\n]*\n+```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

// Keeps the README true: each quick-start command is either run here or by another named test.
describe('README quick start', () => {
  const commands = quickStartCommands();
  const service = copyService();
  afterAll(() => removeCopy(service));

  it('lists install, generate, dev + curl and test, in that order', () => {
    expect(commands.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual([
      'npm install', 'npx plop', 'npm run', 'curl -s', 'npm test',
    ]);
  });

  it('its generator command works as written (against a copy) and the result typechecks', () => {
    const plop = commands[1] as string;
    const args = [...plop.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '').slice(2);
    const result = run('npx', ['plop', '--dest', service, ...args]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.stdout).not.toMatch(/error TS/);
    expect(typecheck.status).toBe(0);
  });

  it('its curl body is the one example-service/test/dev-server.test.ts posts to `npm run dev`', () => {
    const body = /-d '([^']+)'/.exec(commands[3] as string)?.[1];
    const devTest = readFileSync(join(REPO_ROOT, 'example-service/test/dev-server.test.ts'), 'utf8');
    expect(body).toBeDefined();
    expect(devTest).toContain('quickStartBody');
    expect(JSON.parse(body as string)).toMatchObject({ number: expect.any(String) });
  });
});
