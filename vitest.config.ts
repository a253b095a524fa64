import { defineConfig } from 'vitest/config';

// `npm test` at the root runs two projects: the generator tests (test/) and the example service's
// own suite (unit, API and database tests of every module).
export default defineConfig({
  test: {
    projects: ['test/vitest.config.ts', 'example-service/vitest.config.ts'],
  },
});
