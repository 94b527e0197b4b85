import type { Event } from '@cascade/db';
import { runWorkflowId } from '@cascade/temporal';
import { WorkflowNotFoundError } from '@temporalio/client';
import { threeNodeWorkflow } from './definitions';
import { ingest, invoiceOverdue, pendingDispatches, settleDispatches, storedEvents } from './events';
import { createTenant, publish, type BenchStack, type Published } from './stack';
import { percentiles, sleep, waitFor, type Percentiles } from './stats';

export interface DispatchSettings {
  singleEvents: number;
  loads: ReadonlyArray<{ rate: number; seconds: number }>;
  /** Single events sent after each load, to see whether the lag came back down. */
  probeEvents: number;
}

export interface PhaseFigures {
  name: string;
  events: number;
  /** Events per second the bench managed to ingest (may fall short of the rate asked for). */
  ingestRate?: number;
  /** Event receivedAt (DB) → the run's Temporal start time. */
  startLag: Percentiles;
  /** Event receivedAt → the run's Temporal close time. */
  completeLag: Percentiles;
  /** Most dispatch rows pending at once, sampled every 200 ms (includes the events the runs emit). */
  maxBacklog?: number;
  /** Last event ingested → last of its runs started. */
  drainMs?: number;
  /** Runs started per second, first event received → last run started. */
  startRate?: number;
  /** p50 / max start lag of the events received in each second of the load. */
  lagBySecond?: Array<{ p50: number; max: number }>;
}

/** Lags of the runs `published` started for `events`, read back from Temporal once they have all completed. */
async function lagsOf(stack: BenchStack, published: Published, events: readonly Event[]) {
  const starts: number[] = [];
  const closes: number[] = [];
  for (let index = 0; index < events.length; index += 16) {
    await Promise.all(
      events.slice(index, index + 16).map(async (event, offset) => {
        const run = await stack.client.workflow.getHandle(runWorkflowId(published.workflowId, event.id)).describe();
        starts[index + offset] = run.startTime.getTime() - event.receivedAt.getTime();
        closes[index + offset] = (run.closeTime?.getTime() ?? NaN) - event.receivedAt.getTime();
      }),
    );
  }
  return { starts, closes };
}

async function completedRuns(stack: BenchStack, published: Published, events: readonly Event[]): Promise<number> {
  return stack.db.run.count({ where: { workflowId: published.workflowId, eventId: { in: events.map((event) => event.id) }, status: 'COMPLETED' } });
}

/** One event at a time: ingest it, wait for its run's result, then the next. */
async function singleEvents(stack: BenchStack, published: Published, count: number, name: string): Promise<PhaseFigures> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const envelope = invoiceOverdue(published.tenantId);
    await ingest(stack.deps, published.tenantId, [envelope]);
    const handle = stack.client.workflow.getHandle(runWorkflowId(published.workflowId, envelope.id));
    for (;;) {
      try {
        await handle.result();
        break;
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        await sleep(5); // not started yet
      }
    }
    ids.push(envelope.id);
  }
  const events = await storedEvents(stack.db, published.tenantId, ids);
  const { starts, closes } = await lagsOf(stack, published, events);
  return { name, events: count, startLag: percentiles(starts), completeLag: percentiles(closes) };
}

/** `rate` events/s for `seconds`, each ingested alone (group commit shares the commits), while sampling the dispatch backlog. */
async function load(stack: BenchStack, published: Published, rate: number, seconds: number): Promise<PhaseFigures> {
  const tickMs = 10;
  const envelopes = Array.from({ length: Math.round(rate * seconds) }, () => invoiceOverdue(published.tenantId));
  let maxBacklog = 0;
  const sampler = setInterval(() => void pendingDispatches(stack.db).then((pending) => (maxBacklog = Math.max(maxBacklog, pending))), 200);
  const started = performance.now();
  const ingests: Array<Promise<void>> = [];
  for (let sent = 0, tick = 1; sent < envelopes.length; tick++) {
    const due = Math.min(envelopes.length, Math.round((rate * tick * tickMs) / 1000));
    for (; sent < due; sent++) ingests.push(ingest(stack.deps, published.tenantId, [envelopes[sent]!]));
    await sleep(Math.max(0, started + tick * tickMs - performance.now()));
  }
  await Promise.all(ingests);
  const ingestEnd = Date.now();
  const ingestRate = envelopes.length / ((performance.now() - started) / 1000);
  const events = await storedEvents(stack.db, published.tenantId, envelopes.map((envelope) => envelope.id));
  await waitFor(`${events.length} runs to complete`, async () => (await completedRuns(stack, published, events)) === events.length, 10 * 60_000, 250);
  clearInterval(sampler);
  const { starts, closes } = await lagsOf(stack, published, events);

  const firstReceived = Math.min(...events.map((event) => event.receivedAt.getTime()));
  const bySecond: number[][] = [];
  events.forEach((event, index) => (bySecond[Math.floor((event.receivedAt.getTime() - firstReceived) / 1000)] ??= []).push(starts[index]!));
  const lastStart = Math.max(...events.map((event, index) => event.receivedAt.getTime() + starts[index]!));
  return {
    name: `${rate} events/s for ${seconds} s`,
    events: events.length,
    ingestRate,
    startLag: percentiles(starts),
    completeLag: percentiles(closes),
    maxBacklog,
    drainMs: lastStart - ingestEnd,
    startRate: events.length / ((lastStart - firstReceived) / 1000),
    lagBySecond: Array.from({ length: bySecond.length }, (_, second) => percentiles(bySecond[second] ?? [])),
  };
}

/** Section 2: event → run started through the real ingestion path and the real dispatcher, idle and under load. */
export async function measureDispatch(stack: BenchStack, settings: DispatchSettings): Promise<PhaseFigures[]> {
  const tenant = await createTenant(stack.db, 'Bench: dispatch');
  const published = await publish(stack.db, tenant.id, threeNodeWorkflow);
  await settleDispatches(stack.db);
  stack.startDispatcher();
  await singleEvents(stack, published, 10, 'warm-up'); // LISTEN connected, caches filled
  const phases = [await singleEvents(stack, published, settings.singleEvents, 'one event at a time')];
  for (const { rate, seconds } of settings.loads) {
    phases.push(await load(stack, published, rate, seconds));
    phases.push(await singleEvents(stack, published, settings.probeEvents, `one at a time, after ${rate}/s`));
  }
  return phases;
}
