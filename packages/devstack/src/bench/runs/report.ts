import type { PhaseFigures } from './dispatch-latency';
import type { ExpressionCost } from './expression-cost';
import { CONTENDERS, type ComparisonFigures, type ContenderName, type ProfileFigures } from './interpreter-vs-baseline';
import { BENCH_PROCESS, type HistoryFigures } from './profile';
import { fixed, formatTable, median, mib, ms } from './stats';
import type { WaitingFigures } from './waiting-runs';

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
const breakdown = (entries: Map<string, number>) =>
  [...entries].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ×${fixed(count, count % 1 ? 1 : 0)}`).join(', ');
const historyText = (history: HistoryFigures) => `${history.events} events, ${history.bytes.toLocaleString('en')} bytes`;
const rateOf = (figures: ComparisonFigures, name: ContenderName) => median(figures.rounds.map((round) => round[name].runsPerSecond));
const kib = (bytes: number) => `${fixed(bytes / 1024, 0)} KiB`;

export function printComparison(figures: ComparisonFigures, settings: { runsPerRound: number; concurrency: number }): void {
  console.log(`\n## 1. Interpreter vs hand-written: trigger → core.log → emit, ${settings.runsPerRound} runs per round, ${settings.concurrency} in flight\n`);
  console.log('Completed runs/s; ratio = interpreter / hand-written (own bundle):\n');
  console.log(formatTable([
    ['round', ...CONTENDERS, 'ratio'],
    ...figures.rounds.map((round, index) => [index + 1, ...CONTENDERS.map((name) => fixed(round[name].runsPerSecond)), fixed(round.interpreter.runsPerSecond / round['hand-written'].runsPerSecond, 2)]),
    ['median', ...CONTENDERS.map((name) => fixed(rateOf(figures, name))), fixed(rateOf(figures, 'interpreter') / rateOf(figures, 'hand-written'), 2)],
  ]));
  const cpu = (name: ContenderName, process: string) => median(figures.rounds.map((round) => round[name].cpuMsPerRun.get(process) ?? 0));
  const processes = [...new Set(figures.rounds.flatMap((round) => CONTENDERS.flatMap((name) => [...round[name].cpuMsPerRun.keys()])))].filter((process) =>
    CONTENDERS.some((name) => cpu(name, process) >= 0.5),
  );
  console.log('\nCPU per completed run under that load (median of rounds), by process:\n');
  console.log(formatTable([['process', ...CONTENDERS], ...processes.map((process) => [process, ...CONTENDERS.map((name) => ms(cpu(name, process)))])]));
  console.log('\nOne run at a time, start → result:\n');
  console.log(formatTable([['', 'runs', 'p50', 'p99'], ...CONTENDERS.map((name) => [name, figures.latency[name].count, ms(figures.latency[name].p50), ms(figures.latency[name].p99)])]));
  printProfile(figures.profiles, figures.expressions);
}

function printProfile(profiles: Record<ContenderName, ProfileFigures>, expressions: ExpressionCost): void {
  const inActivities = (profile: ProfileFigures, field: 'msPerRun' | 'cpuMsPerRun') => sum([...profile.activities.values()].map((activity) => activity[field]));
  const cpuOf = (profile: ProfileFigures, process: string) => profile.cpuMsPerRun.get(process) ?? 0;
  const row = (label: string, value: (profile: ProfileFigures) => string) => [label, ...CONTENDERS.map((name) => value(profiles[name]))];
  console.log(`\nWhere a run's time goes (${profiles.interpreter.latency.count} runs one at a time, means per run):\n`);
  console.log(formatTable([
    ['', ...CONTENDERS],
    row('start → result (p50)', (p) => ms(p.latency.p50)),
    row('  server span: started → completed', (p) => ms(p.serverSpanMs)),
    row('    inside local activities', (p) => ms(inActivities(p, 'msPerRun'))),
    row('    workflow code, task handling', (p) => ms(p.serverSpanMs - inActivities(p, 'msPerRun'))),
    row('  outside the span: start call, result poll', (p) => ms(p.latency.p50 - p.serverSpanMs)),
    row(`CPU, ${BENCH_PROCESS}`, (p) => ms(cpuOf(p, BENCH_PROCESS))),
    row('  inside local activities', (p) => ms(inActivities(p, 'cpuMsPerRun'))),
    row('  outside: workflow thread, SDK core, client', (p) => ms(cpuOf(p, BENCH_PROCESS) - inActivities(p, 'cpuMsPerRun'))),
    ['    of which expressions (timed apart)', `${ms(expressions.asInterpreter)} (${ms(expressions.precompiled)} compiled once)`, 'none', 'none'],
    row('CPU, Temporal dev server', (p) => ms(cpuOf(p, 'temporal'))),
    row('CPU, PostgreSQL', (p) => ms(cpuOf(p, 'postgres'))),
    row('local activities', (p) => fixed(sum([...p.activities.values()].map((a) => a.callsPerRun)), 1)),
    row('SQL statements', (p) => fixed(sum(p.statementsPerRun.values()), 1)),
    row('history', (p) => historyText(p.history)),
  ]));
  for (const name of CONTENDERS) {
    const profile = profiles[name];
    console.log(`\n${name}:`);
    console.log(`  activities: ${[...profile.activities].map(([activity, a]) => `${activity} ×${fixed(a.callsPerRun, 1)} ${ms(a.msPerRun)} (CPU ${ms(a.cpuMsPerRun)})`).join(', ')}`);
    console.log(`  statements: ${breakdown(profile.statementsPerRun)}`);
    console.log(`  history:    ${breakdown(profile.history.types)}`);
  }
}

export function printDispatch(phases: PhaseFigures[]): void {
  console.log('\n## 2. Event → run started (receivedAt in PostgreSQL → Temporal start time), real ingestion and dispatcher\n');
  console.log(formatTable([
    ['phase', 'events', 'ingested/s', 'started/s', 'start p50', 'p95', 'p99', 'max', 'completed p50', 'max backlog', 'drain'],
    ...phases.map((phase) => [
      phase.name, phase.events, phase.ingestRate ? fixed(phase.ingestRate, 0) : '', phase.startRate ? fixed(phase.startRate, 0) : '',
      ms(phase.startLag.p50), ms(phase.startLag.p95), ms(phase.startLag.p99), ms(phase.startLag.max), ms(phase.completeLag.p50),
      phase.maxBacklog ?? '', phase.drainMs === undefined ? '' : ms(phase.drainMs),
    ]),
  ]));
  for (const phase of phases.filter((p) => p.lagBySecond)) {
    console.log(`\n${phase.name}, start lag p50/max by second of receipt: ${phase.lagBySecond!.map((s, i) => `${i}s ${fixed(s.p50, 0)}/${fixed(s.max, 0)}`).join(', ')} (ms)`);
  }
}

export function printWaiting(figures: WaitingFigures): void {
  const { before, waiting, completed } = figures.memory;
  console.log(`\n## 3. ${figures.runs} runs waiting on correlated events at once (trigger → waitForEvent P1D → core.log)\n`);
  console.log(formatTable([
    ['', 'worker RSS', `worker main-thread heap${figures.collected ? ' (after gc)' : ''}`, 'Temporal server RSS'],
    ...(['before', 'waiting', 'completed'] as const).map((moment) => {
      const at = figures.memory[moment];
      return [moment, mib(at.rss), mib(at.heapUsed), at.temporalRss === undefined ? 'n/a' : mib(at.temporalRss)];
    }),
  ]));
  console.log(`
per waiting run:       ${kib((waiting.rss - before.rss) / figures.runs)} worker RSS, ${kib((waiting.heapUsed - before.heapUsed) / figures.runs)} main-thread heap
                       (cached runs live in the workflow thread's isolate: counted in RSS, not in the main-thread heap)
sticky cache:          maxCachedWorkflows ${figures.maxCachedWorkflows}, ${figures.cachedWhileWaiting} runs cached while all waited
all waiting after:     ${ms(figures.allWaitingMs)} (first trigger ingested → ${figures.runs} waits open)
history while waiting: ${historyText(figures.waitingHistory)} (${breakdown(figures.waitingHistory.types)})
deliver and complete:  ${ms(figures.deliverMs)} (first payment ingested → ${figures.runs} runs completed)
history when done:     ${historyText(figures.completedHistory)}
memory after all done: RSS ${mib(completed.rss - before.rss)} above before`);
  console.log('\nWhat one more cached waiting workflow retains: each kind alone in a fresh worker process, 20 warmed up first,');
  console.log('RSS growth / count, both readings after a full GC of the workflow thread (the figures above include garbage V8 has not collected yet):\n');
  console.log(formatTable([
    ['workflow', 'count', 'cached', 'RSS before', 'RSS waiting', 'per workflow', 'history'],
    ...figures.probes.map((probe) => [
      probe.kind, probe.count, probe.cached, mib(probe.before.rss), mib(probe.waiting.rss), kib((probe.waiting.rss - probe.before.rss) / probe.count), historyText(probe.history),
    ]),
  ]));
}

/** The figures of the sections that ran, against the issue's goals. */
export function summaryRows({ compared, phases, waiting }: { compared?: ComparisonFigures; phases?: PhaseFigures[]; waiting?: WaitingFigures }): string[][] {
  const lag = (phase: PhaseFigures) => `p50 ${ms(phase.startLag.p50)}, p99 ${ms(phase.startLag.p99)}, max ${ms(phase.startLag.max)}`;
  const rows: string[][] = [['figure', 'value', 'goal']];
  if (compared) {
    const latency = (name: ContenderName) => `p50 ${ms(compared.latency[name].p50)}, p99 ${ms(compared.latency[name].p99)}`;
    rows.push(
      ...CONTENDERS.map((name) => [`${name}, completed runs/s`, fixed(rateOf(compared, name)), '']),
      ['interpreter / hand-written', fixed(rateOf(compared, 'interpreter') / rateOf(compared, 'hand-written'), 2), '≥ 0.80'],
      ...CONTENDERS.map((name) => [`${name}, start → result one at a time`, latency(name), '']),
    );
  }
  for (const phase of phases ?? []) {
    rows.push([
      `event → run started, ${phase.name}`,
      lag(phase) + (phase.drainMs === undefined ? '' : `, drained ${ms(phase.drainMs)} after the last event`),
      phase.name === 'one event at a time' ? 'p50 ≤ 25 ms' : phase.drainMs === undefined ? 'back to idle' : 'bounded',
    ]);
  }
  if (waiting) {
    const { before, waiting: held } = waiting.memory;
    rows.push(
      [`${waiting.runs} waiting runs: worker RSS growth`, `${mib(held.rss - before.rss)}, ${kib((held.rss - before.rss) / waiting.runs)} per run (sticky cache ${waiting.maxCachedWorkflows})`, 'bounded'],
      ['waiting run history', historyText(waiting.waitingHistory), 'bounded'],
      [`deliver ${waiting.runs} events, all runs complete`, ms(waiting.deliverMs), ''],
    );
  }
  return rows;
}

export { formatTable };
