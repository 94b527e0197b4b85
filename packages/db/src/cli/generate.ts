import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `prisma generate` never runs the schema engine, but the CLI insists on finding one before it
// starts and would download it; pointing it at any existing file keeps generation offline.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const result = spawnSync('npx', ['prisma', 'generate'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
process.exit(result.status ?? 1);
