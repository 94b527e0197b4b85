import { machineLoad } from '../bench/runs/stats';
import type { ChaosOutcome, ChaosPlan, Fault } from './chaos';
import type { Reconciliation } from './reconcile';
import type { Publication } from './retrying-publisher';

export interface FaultReport {
  quick: boolean;
  settings: ChaosPlan & { events: number; rate: number };
  published: Publication;
  faults: Fault[];
  recovery: Omit<ChaosOutcome, 'faults'>;
  figures: Reconciliation;
  /** Why a supervisor stopped restarting the web app or the worker, if one did. */
  gaveUp: string | undefined;
  timings: { startedIn: number; loadSeconds: number; atRest: boolean; restAfter: number; total: number };
}

const counts = (record: Record<string, number> | Map<string, number>) =>
  [...(record instanceof Map ? record : Object.entries(record))].map(([name, n]) => `${name} ${n}`).join(', ') || 'none';

/** Prints what the suite found; answers the exit code: 1 when a goal-0 figure is not 0. */
export function printReport({ settings, published, faults, recovery, figures, gaveUp, timings }: FaultReport): number {
  const goals: Array<[string, number, string]> = [
    ['acknowledged events lost', figures.acknowledgedLost, 'goal 0'],
    ['runs per (trigger, event) ≠ 1', figures.runsPerTriggerEventNotOne, 'goal 0'],
    ['runs not finished', figures.runsNotFinished, 'goal 0'],
    ['emits duplicated', figures.emitsDuplicated, 'goal 0'],
    ['side-effect requests duplicated', figures.sideEffectsDuplicated, 'goal 0: the target honours Idempotency-Key'],
  ];
  const workerKills = faults.filter((fault) => fault.what.startsWith('worker killed')).length;
  console.log(`\nfaults: ${workerKills} worker kills (every ${settings.killGapMs.map((ms) => ms / 1000).join('–')} s), web server killed mid-request once, ` +
    `PostgreSQL restarted once, Temporal down ${settings.temporalDownMs / 1000} s`);
  console.log(`published: ${settings.events} events at ${settings.rate}/s in ${published.seconds.toFixed(1)} s: ${published.acknowledged.length} acknowledged (202), ` +
    `${published.refused.length} refused, ${published.abandoned.length} abandoned after 5 min of retries`);
  console.log(`  attempts not answered 202, retried: ${counts(published.failedAttempts)}`);
  console.log(`  refused: ${counts(new Map(published.refused.map((r) => [r.id, r.status])))}`.slice(0, 400));
  const back = recovery.workerBackSeconds.map((seconds) => seconds.toFixed(1)).join(', ') || 'none measured';
  const resumed = recovery.workResumedAfterTemporalSeconds?.toFixed(1);
  console.log(`recovery: the worker was working again ${back} s after each kill; runs went on ${resumed === undefined ? 'NOT (no side-effect request came)' : `${resumed} s`} after Temporal answered again`);
  if (gaveUp) console.log(`supervision gave up: ${gaveUp}`);
  console.log(
    timings.atRest
      ? `at rest ${timings.restAfter.toFixed(1)} s after the last fault and the last 202`
      : `NOT at rest ${timings.restAfter.toFixed(1)} s after the last fault and the last 202 (gave up waiting)`,
  );
  console.log('\nreconciliation:');
  for (const [label, value, goal] of goals) console.log(`  ${label.padEnd(34)} ${String(value).padStart(6)}   (${goal})${value ? '  ✗' : ''}`);
  console.log(`  event log: ${figures.logged} events of the suite (${figures.acknowledged} acknowledged); dispatch rows: ${counts(figures.dispatchStatuses)}`);
  console.log(`  Temporal executions: ${counts(figures.temporalStatuses)}; run records not COMPLETED: ${figures.readModelNotCompleted}`);
  console.log(`  events without a follow-up: ${figures.emitsMissing}; without an effect at the target: ${figures.sideEffectsMissing}`);
  console.log(`  requests repeating a key the target had acted on (answered without acting; a target that ignores the key acts twice): ${figures.repeatedKeyRequests}`);
  console.log(`  requests without an Idempotency-Key: ${figures.requestsWithoutKey}`);
  console.log(`\ntimings: stack started in ${timings.startedIn.toFixed(1)} s; load and faults ${timings.loadSeconds.toFixed(1)} s; ` +
    `at rest after ${timings.restAfter.toFixed(1)} s more; ${timings.total.toFixed(1)} s in all; at the end: ${machineLoad()}`);
  const failed = goals.filter(([, value]) => value !== 0).length + (timings.atRest ? 0 : 1);
  console.log(failed ? `\nFAILED: ${failed} goal(s) missed` : '\nevery goal met');
  return failed ? 1 : 0;
}
