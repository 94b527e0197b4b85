import { toEnvelope, type Event } from '@cascade/db';
import { WORKFLOW_NAMES, runInputFor, runWorkflowId, type RunInput } from '@cascade/temporal';
import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { stableUuid } from '@cascade/worker/run-records';
import type { BaselineInput } from './baseline-workflows';
import { threeNodeWorkflow } from './definitions';
import { expressionCostPerRun, type ExpressionCost } from './expression-cost';
import { ingest, invoiceOverdue, settleDispatches, storedEvents } from './events';
import { cpuDelta, cpuSecondsByProcess, historyOf, startStatementCounter, type HistoryFigures } from './profile';
import { createTenant, publish, type BenchStack, type BenchWorker, type Published } from './stack';
import { percentiles, type Percentiles } from './stats';

export interface ComparisonSettings {
  warmupRuns: number;
  rounds: number;
  runsPerRound: number;
  concurrency: number;
  latencyRuns: number;
  profileRuns: number;
}

export const CONTENDERS = ['interpreter', 'hand-written', 'hand-written, interpreter bundle'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** One way of running the three steps: how its runs start, and the Temporal workflow id of a run. */
export interface Contender {
  name: ContenderName;
  workflowIdOf(event: Event): string;
  start(event: Event): Promise<WorkflowHandle>;
}

/** The RunInput route-event.ts builds when `event` matches the trigger of `published`. */
function startingInput(published: Published, event: Event): RunInput {
  const { workflowId, versionId, version, tenantId, definition } = published;
  return runInputFor({ id: stableUuid(`${workflowId}:${event.id}`), tenantId, workflowId, versionId, version }, definition, event);
}

/** All start as the dispatcher does: on the worker's NativeConnection, eagerly, one run per workflow id. */
function contenders(stack: BenchStack, published: Published): Contender[] {
  const startOptions = {
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
    requestEagerStart: true,
  };
  const handWritten = (name: ContenderName, { taskQueue }: BenchWorker, prefix: string): Contender => {
    const workflowIdOf = (event: Event) => `${prefix}:${event.id}`;
    return {
      name,
      workflowIdOf,
      start: (event) => {
        const input: BaselineInput = { runId: stableUuid(workflowIdOf(event)), tenantId: event.tenantId, event: toEnvelope(event), causationDepth: event.causationDepth };
        return stack.client.workflow.start('baselineWorkflow', { ...startOptions, taskQueue, workflowId: workflowIdOf(event), args: [input] });
      },
    };
  };
  return [
    {
      name: 'interpreter',
      workflowIdOf: (event) => runWorkflowId(published.workflowId, event.id),
      start: (event) =>
        stack.client.workflow.start(WORKFLOW_NAMES.run, {
          ...startOptions,
          taskQueue: stack.workers.interpreter.taskQueue,
          workflowId: runWorkflowId(published.workflowId, event.id),
          args: [startingInput(published, event)],
        }),
    },
    handWritten('hand-written', stack.workers.handWritten, 'baseline'),
    handWritten('hand-written, interpreter bundle', stack.workers.handWrittenInInterpreterBundle, 'baseline-bundled'),
  ];
}

export interface RoundFigures {
  runsPerSecond: number;
  /** CPU milliseconds per completed run, by process (this one hosts worker and starter). */
  cpuMsPerRun: Map<string, number>;
}

/** `concurrency` runs in flight until `events` are used up: each lane starts a run and awaits its result. */
async function closedLoop(contender: Contender, events: readonly Event[], concurrency: number): Promise<RoundFigures> {
  let next = 0;
  const cpuBefore = cpuSecondsByProcess();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events.length) {
        const handle = await contender.start(events[next++]!);
        await handle.result();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuDelta(cpuBefore, cpuSecondsByProcess());
  return { runsPerSecond: events.length / seconds, cpuMsPerRun: new Map([...cpu].map(([name, used]) => [name, (used * 1000) / events.length])) };
}

/** start → result of one run at a time. */
async function oneAtATime(contender: Contender, event: Event): Promise<number> {
  const started = performance.now();
  await (await contender.start(event)).result();
  return performance.now() - started;
}

export interface ProfileFigures {
  latency: Percentiles;
  /** Mean of the server's span of each run (WorkflowExecutionStarted → its completion). */
  serverSpanMs: number;
  activities: Map<string, { callsPerRun: number; msPerRun: number; cpuMsPerRun: number }>;
  /** CPU milliseconds per run, by process, runs going one at a time. */
  cpuMsPerRun: Map<string, number>;
  statementsPerRun: Map<string, number>;
  history: HistoryFigures;
}

/** Runs one at a time while counting activities and SQL statements, then reads every run's history. */
async function profile(stack: BenchStack, contender: Contender, events: readonly Event[]): Promise<ProfileFigures> {
  stack.timer.take();
  const counter = startStatementCounter();
  const cpuBefore = cpuSecondsByProcess();
  const latencies: number[] = [];
  for (const event of events) latencies.push(await oneAtATime(contender, event));
  const cpu = cpuDelta(cpuBefore, cpuSecondsByProcess());
  const statements = counter.stop();
  const activities = stack.timer.take();
  const histories = await Promise.all(events.map((event) => historyOf(stack.client, contender.workflowIdOf(event))));
  const perRun = (value: number) => value / events.length;
  return {
    latency: percentiles(latencies),
    serverSpanMs: perRun(histories.reduce((sum, history) => sum + history.spanMs, 0)),
    activities: new Map([...activities].map(([name, { calls, totalMs, cpuMs }]) => [name, { callsPerRun: perRun(calls), msPerRun: perRun(totalMs), cpuMsPerRun: perRun(cpuMs) }])),
    cpuMsPerRun: new Map([...cpu].map(([name, seconds]) => [name, perRun(seconds * 1000)])),
    statementsPerRun: new Map([...statements].map(([shape, count]) => [shape, perRun(count)])),
    history: histories.at(-1)!,
  };
}

type PerContender<T> = Record<ContenderName, T>;

export interface ComparisonFigures {
  rounds: Array<PerContender<RoundFigures>>;
  latency: PerContender<Percentiles>;
  profiles: PerContender<ProfileFigures>;
  expressions: ExpressionCost;
}

/** Section 1: the interpreter beside the hand-written workflow, same server, same process, same load. */
export async function compareInterpreterWithBaseline(stack: BenchStack, settings: ComparisonSettings): Promise<ComparisonFigures> {
  const tenant = await createTenant(stack.db, 'Bench: interpreter vs hand-written');
  const published = await publish(stack.db, tenant.id, threeNodeWorkflow);
  const { warmupRuns, rounds, runsPerRound, concurrency, latencyRuns, profileRuns } = settings;
  const envelopes = Array.from({ length: warmupRuns + rounds * runsPerRound + latencyRuns + profileRuns }, () => invoiceOverdue(tenant.id));
  await ingest(stack.deps, tenant.id, envelopes);
  await settleDispatches(stack.db); // these runs are started here, not by the dispatcher
  const events = await storedEvents(stack.db, tenant.id, envelopes.map((envelope) => envelope.id));
  let cursor = 0;
  const take = (count: number) => events.slice(cursor, (cursor += count));
  const all = contenders(stack, published);
  // Rotating the order each round (and each latency sample), so a drift in the machine's load favours none.
  const rotated = (turn: number) => all.map((_, index) => all[(index + turn) % all.length]!);

  const warmup = take(warmupRuns);
  for (const contender of all) await closedLoop(contender, warmup, concurrency);

  const roundFigures: ComparisonFigures['rounds'] = [];
  for (let round = 0; round < rounds; round++) {
    const batch = take(runsPerRound);
    const figures: Partial<PerContender<RoundFigures>> = {};
    for (const contender of rotated(round)) figures[contender.name] = await closedLoop(contender, batch, concurrency);
    roundFigures.push(figures as PerContender<RoundFigures>);
  }

  const latencies = Object.fromEntries(CONTENDERS.map((name) => [name, [] as number[]])) as PerContender<number[]>;
  for (const [index, event] of take(latencyRuns).entries()) {
    for (const contender of rotated(index)) latencies[contender.name].push(await oneAtATime(contender, event));
  }

  const profileEvents = take(profileRuns);
  const profiles: Partial<PerContender<ProfileFigures>> = {};
  for (const contender of all) profiles[contender.name] = await profile(stack, contender, profileEvents);
  return {
    rounds: roundFigures,
    latency: Object.fromEntries(CONTENDERS.map((name) => [name, percentiles(latencies[name])])) as PerContender<Percentiles>,
    profiles: profiles as PerContender<ProfileFigures>,
    expressions: await expressionCostPerRun(published.definition, profileEvents[0]!),
  };
}
