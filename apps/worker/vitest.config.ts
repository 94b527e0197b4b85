import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'worker', include: ['src/**/*.test.ts'], setupFiles: ['src/test-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});
