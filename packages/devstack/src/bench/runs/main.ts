/**
 * Run engine benchmark: starts its own PostgreSQL and Temporal dev server (eager start on), runs
 * the Cascade worker and dispatcher in this process, and prints (1) the interpreter beside a
 * hand-written workflow, (2) event → run started, idle and under load, (3) 1,000 waiting runs.
 * Run: npm run bench:runs; BENCH_SECTIONS=1,3 runs only those (see ../README.md for the knobs and each figure).
 */
import os from 'node:os';
import { compareInterpreterWithBaseline, type ComparisonSettings } from './interpreter-vs-baseline';
import { measureDispatch, type DispatchSettings } from './dispatch-latency';
import { formatTable, printComparison, printDispatch, printWaiting, summaryRows } from './report';
import { startBenchStack } from './stack';
import { machineLoad } from './stats';
import { measureWaitingRuns } from './waiting-runs';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const comparison: ComparisonSettings = {
  warmupRuns: setting('BENCH_WARMUP_RUNS', 100),
  rounds: setting('BENCH_ROUNDS', 4),
  runsPerRound: setting('BENCH_RUNS_PER_ROUND', 300),
  concurrency: setting('BENCH_CONCURRENCY', 20),
  latencyRuns: setting('BENCH_LATENCY_RUNS', 100),
  profileRuns: setting('BENCH_PROFILE_RUNS', 20),
};
const dispatch: DispatchSettings = {
  singleEvents: setting('BENCH_SINGLE_EVENTS', 50),
  loads: [
    { rate: 200, seconds: setting('BENCH_LOAD_SECONDS', 5) },
    { rate: 1000, seconds: setting('BENCH_BURST_SECONDS', 3) },
  ],
  probeEvents: 10,
};
const waitingRuns = setting('BENCH_WAITING_RUNS', 1000);

function printed<T>(figures: T, print: (figures: T) => void): T {
  print(figures);
  return figures;
}

async function main(): Promise<void> {
  console.log(`# Cascade run engine benchmark, ${new Date().toISOString()}`);
  console.log(`${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; at start: ${machineLoad()}`);
  const verbose = process.env.BENCH_VERBOSE !== undefined;
  const stack = await startBenchStack({
    maxCachedWorkflows: process.env.BENCH_MAX_CACHED_WORKFLOWS ? setting('BENCH_MAX_CACHED_WORKFLOWS', 0) : undefined,
    log: (line) => verbose && console.log(`[infra] ${line}`),
  });
  const sections = new Set((process.env.BENCH_SECTIONS ?? '1,2,3').split(',').map((section) => section.trim()));
  const after = <T>(figures: T): T => (console.log(`\n(${machineLoad()})`), figures);
  try {
    const compared = sections.has('1') ? after(printed(await compareInterpreterWithBaseline(stack, comparison), (f) => printComparison(f, comparison))) : undefined;
    // Waiting runs before the load bursts: the memory a burst leaves behind would blur the growth measured here.
    const waiting = sections.has('3') ? after(printed(await measureWaitingRuns(stack, waitingRuns), printWaiting)) : undefined;
    const phases = sections.has('2') ? printed(await measureDispatch(stack, dispatch), printDispatch) : undefined;
    console.log(`\n## Figures (${machineLoad()})\n`);
    console.log(formatTable(summaryRows({ compared, phases, waiting })));
  } finally {
    await stack.stop();
  }
}

await main();
