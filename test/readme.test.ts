import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneRepository, REPO_ROOT, removeClone, run, shellEnv } from './support/workspace.js';

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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs a README line through bash in `cwd`, no terminal, in a newcomer's environment. */
const shell = (line: string, cwd: string, env: Record<string, string> = {}, timeout?: number) =>
  run('bash', ['-c', line], cwd, env, shellEnv(), timeout);

/**
 * Starts a README line (`npm run dev`) in the background and waits until /readyz answers.
 *
 * @returns a stop function (SIGTERM to the whole process group, then wait) and the output so far.
 */
async function startInBackground(line: string, cwd: string, env: Record<string, string>, port: number): Promise<{ stop: () => Promise<void>; output: () => string }> {
  let output = '';
  const child = spawn('bash', ['-c', line], { cwd, env: { ...shellEnv(), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async (): Promise<void> => {
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      return;
    }
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      try {
        process.kill(-(child.pid as number), 0);
      } catch {
        return;
      }
    }
  };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    if (child.exitCode !== null) throw new Error(`${line} exited early:\n${output}`);
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return { stop, output: () => output };
  }
  await stop();
  throw new Error(`${line} did not become ready:\n${output}`);
}

// Keeps the README true: its quick start runs here, literally, in a clean clone of the repository
// (the committed tree, one commit, node_modules linked to this checkout's install, which is what
// `npm install` would produce; CI runs `npm ci`). Only the port differs: 3000 becomes a free port.
// The clone's `npm test` runs its example-service project: the generator tests copy the committed
// tree (git HEAD), so in the clone they would see exactly what the outer run already checked; the
// service's suite is what the generated module can break. (SCAFFOLD_NESTED_SUITE=1 also skips this
// test and the random-modules one wherever a suite runs inside a suite.)
describe.skipIf(process.env.SCAFFOLD_NESTED_SUITE === '1')('README quick start', () => {
  const commands = quickStartCommands();
  let clone: string;
  let dataDir: string;
  beforeAll(() => {
    clone = cloneRepository();
    dataDir = mkdtempSync(join(tmpdir(), 'readme-data-'));
  });
  afterAll(() => {
    removeClone(clone);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists install, generate, dev + curl and test, in that order', () => {
    expect(commands.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual([
      'npm install', 'npx plop', 'npm run', 'curl -s', 'npm test',
    ]);
  });

  it('When run literally in a clean clone (generate, npm run dev + curl, npm test), then every step succeeds', async () => {
    const [, generate, dev, curl, test] = commands as [string, string, string, string, string];
    const generated = shell(generate, clone);
    expect(generated.status, generated.stdout + generated.stderr).toBe(0);

    const port = await freePort();
    const server = await startInBackground(dev, clone, { PORT: String(port), DATA_DIR: dataDir, NO_COLOR: '1' }, port);
    try {
      const posted = shell(curl.replaceAll('localhost:3000', `localhost:${port}`), clone);
      expect(posted.status, posted.stderr).toBe(0);
      const body = JSON.parse(posted.stdout) as Record<string, unknown>;
      const sent = JSON.parse(/-d '([^']+)'/.exec(curl)?.[1] ?? '{}') as Record<string, unknown>;
      expect(body).toMatchObject({ ...sent, id: expect.any(Number) });
    } finally {
      await server.stop();
    }
    expect(server.output()).toMatch(/\[[A-Za-z]+:create\] /);

    const suite = shell(`${test} -- --project example-service`, clone, { SCAFFOLD_NESTED_SUITE: '1' }, 1_500_000);
    expect(suite.status, `${suite.stdout.slice(-20_000)}\n${suite.stderr.slice(-5_000)}`).toBe(0);
  }, 3_000_000);
});
