import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// Route handlers run here outside Next: `server-only` (which throws outside React Server Components)
// is replaced by an empty module, and the app's environment points at the suite's real servers.
export default defineConfig({
  resolve: { alias: { 'server-only': src('test/server-only.ts'), '@': src('') } },
  test: { name: 'web', include: ['src/**/*.test.ts'], setupFiles: ['src/test/setup.ts'], testTimeout: 30_000 },
});
