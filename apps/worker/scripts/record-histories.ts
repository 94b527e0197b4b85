// Re-records the interpreter histories the replay test replays (apps/worker/src/workflows/interpreter/histories/):
//
//   node --import tsx apps/worker/scripts/record-histories.ts [scenario name pattern]
//
// It runs the scenarios of src/testing/record-histories.ts under vitest, with the test suite's
// global setup (a throw-away PostgreSQL and Temporal dev server, or DATABASE_URL and
// TEMPORAL_ADDRESS), because they drive the same run harness as the interpreter's tests.
// Record from a committed interpreter: a fixture is worth only as much as the code that made it.
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const vitest = await startVitest('test', [], {
  config: false,
  root,
  watch: false,
  globalSetup: ['packages/devstack/src/testing/global-setup.ts'],
  setupFiles: ['apps/worker/src/test-setup.ts'],
  include: ['apps/worker/src/testing/record-histories.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
  ...(process.argv[2] ? { testNamePattern: process.argv[2] } : {}),
});
await vitest.close();
process.exit(process.exitCode ?? (vitest.state.getCountOfFailedTests() > 0 ? 1 : 0));
