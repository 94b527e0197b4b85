import { fixed, formatTable, ms, percentiles } from '../runs/stats';
import type { Sent } from './load';
import type { PhaseLatency, Sample } from './observe';

export interface PhaseFigures {
  label: string;
  sent: Sent;
  latency: PhaseLatency;
  /** When the load started and ended. */
  from: Date;
  to: Date;
  samples: Sample[];
  /** Runs of any phase completed while the load lasted, and from its end until the phase drained. */
  completedDuringLoad: number;
  completedAfterLoad: number;
  /** From the end of the load to the phase's last follow-up event. */
  drainMs: number;
  load: string;
}

const pair = (p50: number, p99: number) => `${ms(p50)} / ${ms(p99)}`;

export function printPhases(phases: PhaseFigures[], capacity: number): void {
  console.log(`\n## Per phase (capacity ${fixed(capacity)} completed runs/s)\n`);
  const rows = phases.map((phase) => {
    const loadSeconds = (phase.to.getTime() - phase.from.getTime()) / 1000;
    const accepted = percentiles(phase.sent.latencies);
    const completedPerSecond = phase.completedDuringLoad / loadSeconds;
    const drainPerSecond = phase.drainMs > 500 ? fixed(phase.completedAfterLoad / (phase.drainMs / 1000)) : '–';
    return [
      phase.label,
      fixed(phase.sent.accepted / phase.sent.seconds),
      phase.sent.refused,
      pair(accepted.p50, accepted.p99),
      pair(phase.latency.started.p50, phase.latency.started.p99),
      pair(phase.latency.dispatched.p50, phase.latency.dispatched.p99),
      pair(phase.latency.followUp.p50, phase.latency.followUp.p99),
      `${fixed(completedPerSecond)} (${fixed(completedPerSecond / capacity, 2)}×)`,
      Math.max(0, ...phase.samples.map((sample) => sample.pending)),
      Math.max(0, ...phase.samples.map((sample) => sample.open).filter(Number.isFinite)),
      `${fixed(phase.drainMs / 1000)} s`,
      drainPerSecond,
    ];
  });
  console.log(
    formatTable([
      [
        'load', 'accepted/s', 'refused', '202 p50 / p99', 'received → run started p50 / p99', '→ dispatch marked p50 / p99', 'received → follow-up committed p50 / p99',
        'completed runs/s during load', 'max pending dispatches', 'max open runs', 'drain', 'runs/s draining',
      ],
      ...rows,
    ]),
  );
  console.log('\nA run completes with its follow-up event; "open runs" are started and not closed in Temporal.');
}

/** The flood second by second (in buckets): whether runs kept completing while it lasted and after. */
export function printTimeline(phase: PhaseFigures, capacity: number, bucketSeconds: number): void {
  console.log(`\n## ${phase.label}: completions over time (flood ends at ${fixed((phase.to.getTime() - phase.from.getTime()) / 1000)} s)\n`);
  const start = phase.from.getTime();
  const buckets = new Map<number, Sample[]>();
  for (const sample of phase.samples) {
    const bucket = Math.max(0, Math.floor((sample.at - start) / 1000 / bucketSeconds));
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), sample]);
  }
  const rows = [...buckets.entries()].map(([bucket, samples]) => {
    const seconds = samples.reduce((sum, sample) => sum + sample.spanMs, 0) / 1000;
    const completed = samples.reduce((sum, sample) => sum + sample.completed, 0);
    return [
      `${bucket * bucketSeconds}–${(bucket + 1) * bucketSeconds} s`,
      `${fixed(completed / seconds)} (${fixed(completed / seconds / capacity, 2)}×)`,
      Math.max(...samples.map((sample) => sample.pending)),
      Math.max(0, ...samples.map((sample) => sample.open).filter(Number.isFinite)),
    ];
  });
  console.log(formatTable([['time since the flood began', 'completed runs/s', 'pending dispatches', 'open runs'], ...rows]));
}
