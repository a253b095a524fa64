import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The JSON body of the README's quick-start curl: the test posts exactly what the README shows. */
function quickStartBody(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const body = /curl -s -X POST localhost:3000\/invoices[\s\S]*?-d '([^']+)'/.exec(readme)?.[1];
  if (body === undefined) throw new Error('README quick start has no curl POST /invoices');
  return body;
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

interface Dev {
  child: ChildProcess;
  output: () => string;
  base: string;
}

/** `npm run dev` from the repository root, as the README says; resolves once /readyz answers 200. */
async function startDev(port: number, dataDir: string): Promise<Dev> {
  let output = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NO_COLOR: '1' };
  delete env.NODE_ENV;
  delete env.LOG_LEVEL;
  const child = spawn('npm', ['run', 'dev'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited early:\n${output}`);
    const ok = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ok) return { child, output: () => output, base };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm run dev did not become ready:\n${output}`);
}

/** SIGTERM to the whole process group (npm, sh, node), then wait until every member is gone. */
async function stopDev(dev: Dev): Promise<void> {
  const group = -(dev.child.pid as number);
  process.kill(group, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      process.kill(group, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`npm run dev did not stop within 30 s:\n${dev.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm run dev (from the repository root)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dev-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves invoices CRUD with [Module:function] console logs, and rows survive a restart', async () => {
    const port = await freePort();
    let dev = await startDev(port, dataDir);
    const json = { 'content-type': 'application/json' };
    try {
      const created = await fetch(`${dev.base}/invoices`, { method: 'POST', headers: json, body: quickStartBody() });
      expect(created.status).toBe(201);
      const invoice = (await created.json()) as { id: number; amount: string };
      expect(invoice).toMatchObject({ id: expect.any(Number), amount: '12.50' });

      const got = await fetch(`${dev.base}/invoices/${invoice.id}`);
      expect(got.status).toBe(200);
      const list = (await (await fetch(`${dev.base}/invoices?limit=100`)).json()) as { items: { id: number }[] };
      expect(list.items.map((i) => i.id)).toContain(invoice.id);
      const patched = await fetch(`${dev.base}/invoices/${invoice.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ paid: true }) });
      expect(((await patched.json()) as { paid: boolean }).paid).toBe(true);

      const doomed = (await (await fetch(`${dev.base}/invoices`, {
        method: 'POST', headers: json, body: JSON.stringify({ number: 'INV-2', amount: '1', paid: false }),
      })).json()) as { id: number };
      expect((await fetch(`${dev.base}/invoices/${doomed.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await fetch(`${dev.base}/invoices/${doomed.id}`)).status).toBe(404);
      // The pretty transport writes from a worker thread: its lines may trail the responses.
      await expect.poll(() => dev.output(), { timeout: 15_000 }).toMatch(/\[Invoices:create\] called/);
      await expect.poll(() => dev.output(), { timeout: 15_000 }).toMatch(/\[InvoicesDb:update\] done/);

      await stopDev(dev);
      dev = await startDev(port, dataDir);
      const again = await fetch(`${dev.base}/invoices/${invoice.id}`);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ id: invoice.id, number: 'INV-1', paid: true });
    } finally {
      await stopDev(dev);
    }
  }, 240_000);
});
