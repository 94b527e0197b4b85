import { defineConfig } from 'vitest/config';

// One run for the whole repo: each workspace is a project, and the real PostgreSQL and Temporal
// dev server are started once for all of them.
export default defineConfig({
  test: {
    globalSetup: ['packages/devstack/src/testing/global-setup.ts'],
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
