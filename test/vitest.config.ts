import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'generators',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
