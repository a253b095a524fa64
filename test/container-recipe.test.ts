import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSkeleton } from '../generators/service/plan.js';
import { cloneFiles, copyFiles, freshEnv, listeningPort, scratchPostgres, startProcess, waitForStatus } from './support/clean-tree.js';
import { buildImage, imageNodeBin, type Image } from './support/dockerfile.js';
import { EXAMPLE_SERVICE, REPO_ROOT } from './support/workspace.js';

const DOCKERFILE = join(EXAMPLE_SERVICE, 'Dockerfile');
/** The Node version the image pins (`ARG NODE_VERSION`). */
const NODE_VERSION = /^ARG NODE_VERSION=(.+)$/m.exec(readFileSync(DOCKERFILE, 'utf8'))?.[1] ?? '';

/** A port the OS just handed out and released (the health check needs the port before start). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// Issue 13.2: no Docker daemon here, so the Dockerfile's own steps run outside Docker
// (test/support/dockerfile.ts): the build context is a clean copy of the repository (the workspace
// root), filtered by example-service/Dockerfile.dockerignore; each stage gets a folder for its root;
// COPY, WORKDIR, ENV and every RUN line are executed; then the image's CMD is started with its ENV
// and its HEALTHCHECK command is run. Not verified: the base image itself, the non-root USER's
// permissions, Docker's health-check scheduling, PID 1 signal delivery (see README, "Containers").
describe('The container recipe (example-service/Dockerfile), run step by step outside Docker', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'scaffold-image-'));
  let image: Image;
  let workdir: string;
  // The base image's Node (the version ARG NODE_VERSION pins), first on PATH for the RUN lines,
  // the CMD and the HEALTHCHECK: the image's native add-ons are the ones of that Node.
  let path: string;
  beforeAll(() => {
    path = `${imageNodeBin(NODE_VERSION)}:${freshEnv().PATH ?? ''}`;
    const context = join(tmp, 'context');
    copyFiles(cloneFiles(), REPO_ROOT, context);
    ({ image } = buildImage({ dockerfile: join(context, 'example-service', 'Dockerfile'), context, out: join(tmp, 'stages'), env: freshEnv({ npm_config_prefer_offline: 'true', PATH: path }) }));
    workdir = join(image.root, image.workdir);
  }, 1_200_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('Then the image is Node 24 LTS pinned to a full version, the one .ci/run tests, non-root, HOST=0.0.0.0, exec-form CMD, SIGTERM, a /healthz check', () => {
    expect(NODE_VERSION).toMatch(/^24\.\d+\.\d+$/);
    expect(image.base).toBe(`node:${NODE_VERSION}-trixie-slim`);
    expect(readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8')).toContain("sed -n 's/^ARG NODE_VERSION=//p' example-service/Dockerfile");
    expect(image.user).toBe('node');
    expect(image.env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(image.cmd).toEqual(['node', 'dist/main.js']);
    expect(image.stopSignal).toBe('SIGTERM');
    expect(image.healthcheck?.cmd.join(' ')).toContain('/healthz');
  });

  it('Then the runtime stage holds the bundle, the migrations and production dependencies only (dev and optional pruned)', () => {
    expect(existsSync(join(workdir, 'dist', 'main.js'))).toBe(true);
    expect(existsSync(join(workdir, 'prisma', 'migrations', 'migration_lock.toml'))).toBe(true);
    const modules = join(image.root, 'app', 'node_modules');
    for (const pkg of ['express', '@prisma/client', 'pg']) expect(existsSync(join(modules, pkg)), pkg).toBe(true);
    for (const pkg of ['tsx', 'esbuild', 'typescript', 'prisma', 'vitest']) expect(existsSync(join(modules, pkg)), pkg).toBe(false);
    expect(existsSync(join(workdir, 'src'))).toBe(false);
  });

  const boot = async (env: Record<string, string>): Promise<void> => {
    const port = await freePort();
    // HOST: the image binds every interface; on these shared machines the test binds loopback.
    // AUTH_JWT_SECRET: production refuses to start without it once the service has `npx plop auth`.
    const runEnv = { ...freshEnv({ PATH: path }), ...image.env, HOST: '127.0.0.1', PORT: String(port), MIGRATE_ON_START: 'true', AUTH_JWT_SECRET: randomBytes(32).toString('base64'), ...env };
    const started = startProcess(image.cmd as string[], workdir, runEnv);
    try {
      expect((await listeningPort(started)).port).toBe(port);
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, started);
      const health = startProcess(image.healthcheck?.cmd as string[], workdir, runEnv);
      expect(await health.exited).toBe(0);
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      expect(started.output()).toContain('[Server:stop] stopped');
      const unhealthy = startProcess(image.healthcheck?.cmd as string[], workdir, runEnv);
      expect(await unhealthy.exited).toBe(1);
    } finally {
      started.kill();
    }
  };

  it('When the CMD starts on PostgreSQL (as compose.yaml runs it), then it migrates, /readyz is 200, the HEALTHCHECK passes, SIGTERM exits 0, and the check fails once it is gone', async (ctx) => {
    const db = await scratchPostgres(`scaffold_image_${process.pid}`);
    if (db === undefined) return ctx.skip();
    try {
      await boot({ DATABASE_URL: db.url });
    } finally {
      await db.drop();
    }
  });

  it('When the CMD starts without DATABASE_URL, then the embedded database lives in the writable .data folder the image made', async () => {
    await boot({});
    expect(existsSync(join(workdir, '.data', 'pglite'))).toBe(true);
  });

  it('When the service generator creates billing, then it writes the same recipe for billing (Dockerfile, ignore file, compose with PostgreSQL)', () => {
    const skeleton = serviceSkeleton(EXAMPLE_SERVICE, 'billing', '../checks/run.ts');
    for (const file of ['Dockerfile', 'Dockerfile.dockerignore', 'compose.yaml']) {
      expect(skeleton.get(file), file).toBe(readFileSync(join(EXAMPLE_SERVICE, file), 'utf8').replaceAll('example-service', 'billing'));
    }
    expect(skeleton.get('Dockerfile')).toContain('RUN npm run build -w billing');
    expect(skeleton.get('compose.yaml')).toMatch(/dockerfile: billing\/Dockerfile[\s\S]*image: postgres:15/);
  });
});
