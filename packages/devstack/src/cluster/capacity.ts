import { closedLoopCapacity } from '../bench/e2e/load';
import { completedRunsOf, phaseLatency } from '../bench/e2e/observe';
import { publishBenchWorkflow } from '../bench/e2e/workflow';
import { cpuSecondsBetween, postgresBackendsByDatabase, snapshotCpu } from './cpu';
import type { ClusterStack } from './stack';

export interface CapacityFigures {
  workers: number;
  runsPerSecond: number;
  /** Event received → its runs started and the dispatch row marked, p50 and p99 in ms. */
  dispatchLag: { p50: number; p99: number };
  runs: number;
  /** CPU milliseconds per completed run, by process group: PostgreSQL split by the database its backends serve. */
  cpuMsPerRun: { web: number; workers: number; temporal: number; postgresCascade: number; postgresTemporal: number; postgresOther: number };
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
  const workers = pidsOf('worker');
  const source = `cluster:capacity:${workers.length}`;
  const before = snapshotCpu();
  const runsPerSecond = await closedLoopCapacity(target, source, { ...options, completed: (ids) => completedRunsOf(stack.db, stack.tenantId, ids) });
  const after = snapshotCpu();
  const backends = postgresBackendsByDatabase(after, stack.pids.postgres);
  const used = cpuSecondsBetween(before, after, {
    web: pidsOf('web'),
    workers,
    temporal: [stack.pids.temporal],
    postgres: [stack.pids.postgres],
    postgresCascade: backends.cascade ?? [],
    postgresTemporal: [...(backends.temporal ?? []), ...(backends.temporal_visibility ?? [])],
  });
  const latency = await phaseLatency(stack.db, stack.tenantId, source);
  const runs = latency.completedRuns;
  const perRun = (seconds: number) => (seconds * 1000) / runs;
  return {
    workers: workers.length,
    runsPerSecond,
    dispatchLag: { p50: latency.dispatched.p50, p99: latency.dispatched.p99 },
    runs,
    cpuMsPerRun: {
      web: perRun(used.web!),
      workers: perRun(used.workers!),
      temporal: perRun(used.temporal!),
      postgresCascade: perRun(used.postgresCascade!),
      postgresTemporal: perRun(used.postgresTemporal!),
      postgresOther: perRun(used.postgres! - used.postgresCascade! - used.postgresTemporal!),
    },
  };
}
