import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-service',
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Every test file runs under the suite-wide leak watch: no password or hash in a log line or
    // a response body (test/setup/leak-watch.ts, docs/reliability.md).
    setupFiles: ['test/setup/no-secret-leaks.ts'],
    // PGlite's first start (initdb in WebAssembly) takes 2–4 s; leave room on slow machines.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The suite is not about the Node version: on a Node older than engines.node (this machine's
    // CI runs Node 20) the generators and `npm run dev` it spawns run anyway. test/node-version.test.ts
    // unsets this to see the guard stop them.
    env: { SCAFFOLD_ALLOW_UNSUPPORTED_NODE: '1' },
  },
});
