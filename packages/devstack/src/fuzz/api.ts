/**
 * API fuzzing (issue 17): starts Cascade on free ports in a temp directory and points schemathesis
 * at its OpenAPI document (GET /api/v1/openapi.json), once with the bootstrap key (every scope)
 * and once with a key that does not exist. Schemathesis checks that no answer is a 5xx, that every
 * status, content type, header and body is the one documented; the counting proxy in front of
 * Cascade tallies every request and checks every 4xx on its own: a problem body, never bare text.
 *
 *   npm run test:fuzz                      full mode: at least 10,000 generated requests
 *   CASCADE_FUZZ=quick npm run test:fuzz   quick mode, about 1–2 minutes (inside ./cascade test)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../cascade';
import { startThrowawayCascade } from '../throwaway';
import { ensurePythonTool } from '../tools';
import { startCountingProxy, type Tally } from './counting-proxy';

const MODES = {
  // Examples per operation and the time budget of each pass; the coverage phase adds its own.
  quick: { withKey: { examples: 15, seconds: 50 }, withoutKey: { examples: 5, seconds: 20 } },
  full: { withKey: { examples: 1000, seconds: 1100 }, withoutKey: { examples: 100, seconds: 240 } },
} as const;
const FULL_MODE_MINIMUM_REQUESTS = 10_000;
const QUICK_MODE_SEED = '20261205';
const CONFIG = fileURLToPath(new URL('schemathesis.toml', import.meta.url));

const mode = process.env.CASCADE_FUZZ === 'quick' ? 'quick' : 'full';
const say = (line: string) => console.log(`[fuzz] ${line}`);

async function main(): Promise<number> {
  const schemathesis = ensurePythonTool('schemathesis', say);
  const cascade = await startThrowawayCascade({ name: 'fuzz', log: say });
  const proxy = await startCountingProxy(cascade.webUrl);
  const reports = path.join(REPO_ROOT, '.data', 'test-results', 'fuzz');
  mkdirSync(reports, { recursive: true });
  let failed = false;
  try {
    const valid = `Bearer ${cascade.apiKey}`;
    const { withKey, withoutKey } = MODES[mode];
    const passes: Pass[] = [
      // Revoking keys last: a revoke of the key the fuzzer uses would leave every later request a 401.
      { name: 'with a valid key', header: valid, ...withKey, filter: ['--exclude-operation-id', 'revokeApiKey'] },
      { name: 'with an unknown key', header: 'Bearer csk_unknownunknownunknownunknown', ...withoutKey, filter: [] },
      { name: 'revoking keys', header: valid, ...withoutKey, seconds: Math.min(withoutKey.seconds, 60), filter: ['--include-operation-id', 'revokeApiKey'] },
    ];
    for (const pass of passes) {
      say(`${mode} mode, ${pass.name}: up to ${pass.examples} examples per operation within ${pass.seconds} s …`);
      const before = proxy.tally.requests;
      const status = await runSchemathesis(schemathesis, proxy.url, pass, reports);
      say(`${pass.name}: ${proxy.tally.requests - before} requests, schemathesis exit ${status}`);
      if (status !== 0) failed = true;
    }
  } finally {
    await proxy.stop();
    await cascade.stop();
  }
  const problems = report(proxy.tally);
  if (mode === 'full' && proxy.tally.requests < FULL_MODE_MINIMUM_REQUESTS) {
    problems.push(`full mode sent ${proxy.tally.requests} requests, fewer than ${FULL_MODE_MINIMUM_REQUESTS}`);
  }
  for (const problem of problems) say(`FAILED: ${problem}`);
  return failed || problems.length ? 1 : 0;
}

interface Pass {
  name: string;
  header: string;
  examples: number;
  seconds: number;
  filter: string[];
}

/** Runs schemathesis once against the proxy; resolves with its exit code. */
async function runSchemathesis(command: string, url: string, pass: Pass, reports: string): Promise<number | null> {
  const args = [
    '--config-file', CONFIG,
    'run', `${url}/api/v1/openapi.json`,
    '--url', url,
    '--header', `Authorization: ${pass.header}`,
    ...pass.filter,
    '--phases', 'examples,coverage,fuzzing',
    '--max-examples', String(pass.examples),
    '--max-time', String(pass.seconds),
    // One worker: Python 3.11's ast.parse is not thread-safe, and hypothesis calls it from each.
    '--workers', '1',
    '--request-timeout', '30',
    '--continue-on-failure',
    '--suppress-health-check', 'all',
    // The quick mode inside ./cascade test draws the same requests on every run; the full mode new ones.
    ...(mode === 'quick' ? ['--seed', QUICK_MODE_SEED] : []),
    '--no-color',
    '--report', 'junit',
    '--report-junit-path', path.join(reports, `${pass.name.replaceAll(' ', '-')}.xml`),
  ];
  // Not spawnSync: the counting proxy answers schemathesis from this process's event loop.
  const child = spawn(command, args, { stdio: 'inherit' });
  const [status] = (await once(child, 'exit')) as [number | null];
  return status;
}

/** Prints the figures and returns what breaks a promise of the API. */
function report(tally: Tally): string[] {
  say(`${tally.requests} generated requests in ${mode} mode`);
  say(`by status: ${[...tally.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(', ')}`);
  const problems: string[] = [];
  const serverErrors = [...tally.byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  if (serverErrors) problems.push(`${serverErrors} responses were 5xx`);
  for (const sample of tally.bareClientErrors) problems.push(`a 4xx without a problem body: ${sample}`);
  return problems;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
