import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'temporal', include: ['src/**/*.test.ts'] },
});
