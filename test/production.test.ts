import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneFiles, copyFiles, freshEnv, listeningPort, scratchPostgres, shell, startProcess, waitForStatus } from './support/clean-tree.js';
import { REPO_ROOT } from './support/workspace.js';

// Issue 13 must-show: on a clean clone (the repository's files in a folder outside it, so nothing
// resolves from this checkout's node_modules), `npm ci` and `npm run build -w example-service`; then,
// in a copy of that clone with its dist/ and without node_modules, `npm ci --omit=dev` — no
// TypeScript tooling — and `node dist/main.js` serves /readyz 200 on the embedded database and on
// PostgreSQL. Slow (two installs from the npm cache): minutes, not seconds.
describe('A clean clone, built, then installed for production (npm ci --omit=dev)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'scaffold-prod-'));
  const clone = join(tmp, 'clone');
  const prod = join(tmp, 'prod');
  const service = join(prod, 'example-service');
  beforeAll(() => {
    const files = cloneFiles();
    copyFiles(files, REPO_ROOT, clone);
    shell('npm ci --prefer-offline', clone);
    shell('npm run build -w example-service', clone);
    copyFiles([...files, 'example-service/dist'], clone, prod);
    shell('npm ci --omit=dev --prefer-offline', prod);
  }, 1_200_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const serve = async (env: Record<string, string>): Promise<void> => {
    const started = startProcess(['node', 'dist/main.js'], service, freshEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', MIGRATE_ON_START: 'true', LOG_LEVEL: 'info', AUTH_JWT_SECRET: randomBytes(32).toString('base64'), ...env }));
    try {
      const { port } = await listeningPort(started);
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, started);
      const created = await fetch(`http://127.0.0.1:${port}/customers`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Prod', email: 'prod@example.com' }),
      });
      expect(created.status).toBe(201);
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      expect(started.output()).toContain('[Db:applyMigrations]');
    } finally {
      started.kill();
    }
  };

  it('Then the production install holds the runtime dependencies and no tsx, esbuild or test tooling', () => {
    for (const pkg of ['express', '@prisma/client', 'pg', '@electric-sql/pglite']) expect(existsSync(join(prod, 'node_modules', pkg)), pkg).toBe(true);
    for (const pkg of ['tsx', 'esbuild', 'vitest', 'eslint', 'plop']) expect(existsSync(join(prod, 'node_modules', pkg)), pkg).toBe(false);
    // npm keeps `typescript` and the `prisma` CLI: @prisma/client declares both optional peers and
    // the lockfile resolved them (`devOptional`), so the postinstall even generates the client.
    // Nothing loads them, nor generated/, at run time: all three are removed here, before the
    // service starts (the Dockerfile prunes the packages with --omit=optional).
    for (const pkg of ['typescript', 'prisma']) rmSync(join(prod, 'node_modules', pkg), { recursive: true, force: true });
    rmSync(join(service, 'generated'), { recursive: true, force: true });
  });

  it('When node dist/main.js starts on the embedded database, then /readyz is 200, migrations applied from prisma/, a row is created, SIGTERM exits 0', async () => {
    await serve({ DATA_DIR: join(tmp, 'pglite') });
  });

  it('When node dist/main.js starts on PostgreSQL, then the same holds', async (ctx) => {
    const db = await scratchPostgres(`scaffold_prod_${process.pid}`);
    if (db === undefined) return ctx.skip();
    try {
      await serve({ DATABASE_URL: db.url });
    } finally {
      await db.drop();
    }
  });
});
