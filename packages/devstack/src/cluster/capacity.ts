import { closedLoopCapacity } from '../bench/e2e/load';
import { completedRunsOf, phaseLatency } from '../bench/e2e/observe';
import { publishBenchWorkflow } from '../bench/e2e/workflow';
import { cpuSecondsOf } from './cpu';
import type { ClusterStack } from './stack';

export interface CapacityFigures {
  workers: number;
  runsPerSecond: number;
  /** Event received → its runs started and the dispatch row marked, p50 and p99 in ms. */
  dispatchLag: { p50: number; p99: number };
  runs: number;
  /** CPU milliseconds per completed run, by process group. */
  cpuMsPerRun: Record<string, number>;
}

/**
 * The stack's capacity for trigger → condition → emit (the whole-stack benchmark's workflow): a
 * closed loop of `lanes` runs in flight for `seconds` after a warm-up, and what each process group
 * spent in CPU per completed run meanwhile.
 */
export async function measureCapacity(stack: ClusterStack, options: { lanes: number; seconds: number; warmupSeconds: number }): Promise<CapacityFigures> {
  const target = { webUrl: stack.cascade.webUrl, apiKey: stack.apiKey, tenantId: stack.tenantId };
  await publishBenchWorkflow(target);
  const pidsOf = (prefix: string) => stack.cascade.apps.filter((app) => app.name.startsWith(prefix)).flatMap((app) => (app.pid ? [app.pid] : []));
  const groups = { web: pidsOf('web'), workers: pidsOf('worker'), temporal: [stack.pids.temporal], postgres: [stack.pids.postgres] };
  const source = `cluster:capacity:${groups.workers.length}`;
  const before = cpuSecondsOf(groups);
  const runsPerSecond = await closedLoopCapacity(target, source, { ...options, completed: (ids) => completedRunsOf(stack.db, stack.tenantId, ids) });
  const after = cpuSecondsOf(groups);
  const latency = await phaseLatency(stack.db, stack.tenantId, source);
  const runs = latency.completedRuns;
  return {
    workers: groups.workers.length,
    runsPerSecond,
    dispatchLag: { p50: latency.dispatched.p50, p99: latency.dispatched.p99 },
    runs,
    cpuMsPerRun: Object.fromEntries(Object.keys(groups).map((name) => [name, ((after[name]! - before[name]!) * 1000) / runs])),
  };
}
