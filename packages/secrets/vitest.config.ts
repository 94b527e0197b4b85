import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'secrets', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
