import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'example-service',
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite's first start (initdb in WebAssembly) takes 2–4 s; leave room on slow machines.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
