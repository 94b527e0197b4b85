import { toEnvelope, type Database, type Event, type Prisma } from '@cascade/db';
import type { DispatchDecision } from '@cascade/ingestion';
import type { Logger } from '@cascade/logger';
import { RUN_SIGNALS, WORKFLOW_NAMES, runInputFor, runWorkflowId, type DeliveredEvent, type RunEvent } from '@cascade/temporal';
import { readStoredDefinition, triggerFilterVerdict, type StoredDefinition } from '@cascade/workflow';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { contextOfTraceParent, SpanKind, withSpan } from '@cascade/telemetry';
import { EVENT_EXPRESSION_TIMEOUT_MS, eventCorrelationKeys } from '../correlation';
import { runStarts } from '../metrics';
import { stableUuid } from '../run-records/stable-uuid';
import { dispatchKey } from './dispatcher';

export interface RoutedEvent {
  runsStarted: number;
  runsSignalled: number;
  /** Readable problems that did not stop the dispatch, such as a trigger filter that failed. */
  notes: string[];
  /** What became of each workflow whose trigger names the event's type. */
  decisions: DispatchDecision[];
}

type RoutedOutcome = (RoutedEvent & { ok: true }) | { ok: false; error: unknown };

const triggerSelect = {
  tenantId: true, eventType: true, workflowId: true, versionId: true, filter: true, enabled: true,
  workflow: { select: { name: true, enabled: true } }, version: { select: { version: true } },
} as const;
type TriggerRow = Prisma.TriggerGetPayload<{ select: typeof triggerSelect }>;

const waitSelect = { tenantId: true, eventType: true, id: true, temporalWorkflowId: true, correlationKey: true, correlationExpr: true } as const;
type WaitRow = Prisma.WaitGetPayload<{ select: typeof waitSelect }>;

export interface EventRouterOptions {
  db: Database;
  /** A client on the worker's own NativeConnection, so starts can be eager (DESIGN.md §8). */
  client: Client;
  taskQueue: string;
  logger: Logger;
}

/**
 * What the dispatcher does with one event: start a run of every enabled, published workflow whose
 * trigger matches (type, then filter), and signal every run waiting for it by correlation. A run's
 * Temporal workflow id is derived from the workflow and the event, and a second start of it is
 * refused by Temporal, so redelivering an event never starts a second run.
 */
export function createEventRouter({ db, client, taskQueue, logger }: EventRouterOptions) {
  // Published versions never change, so their parsed definitions can be kept.
  const definitions = new Map<string, Awaited<ReturnType<typeof definitionOf>>>();

  /** The decision for each trigger, and how many runs started now (not on an earlier delivery). */
  async function startRuns(event: Event, envelope: RunEvent, triggers: TriggerRow[], notes: string[]) {
    let fresh = 0;
    const decisions = await Promise.all(
      triggers.map(async (trigger): Promise<DispatchDecision> => {
        const workflow = { workflowId: trigger.workflowId, workflowName: trigger.workflow.name, version: trigger.version.version };
        if (!trigger.enabled || !trigger.workflow.enabled) return { outcome: 'disabled', ...workflow };
        if (trigger.filter) {
          const { filter } = trigger;
          const verdict = await triggerFilterVerdict(filter, envelope, { timeoutMs: EVENT_EXPRESSION_TIMEOUT_MS });
          if (verdict.outcome === 'filtered-out') return { outcome: 'filtered-out', ...workflow, filter };
          if (verdict.outcome === 'failed') {
            notes.push(`Trigger filter of workflow "${trigger.workflow.name}" failed: ${verdict.error}`);
            return { outcome: 'filter-failed', ...workflow, filter, error: verdict.error };
          }
        }
        const version = await definitionOf(trigger.versionId);
        if (!version.ok) {
          notes.push(`Workflow "${trigger.workflow.name}" v${trigger.version.version} is not a valid definition, so no run started: ${version.problem}`);
          return { outcome: 'invalid-definition', ...workflow, problem: version.problem };
        }
        const run = {
          id: stableUuid(`${trigger.workflowId}:${event.id}`),
          tenantId: event.tenantId,
          workflowId: trigger.workflowId,
          versionId: trigger.versionId,
          version: trigger.version.version,
        };
        const input = runInputFor(run, version.definition, event);
        try {
          const attributes = { 'cascade.workflow.id': trigger.workflowId, 'cascade.run.id': run.id };
          await withSpan('start run', { kind: SpanKind.PRODUCER, attributes }, () =>
            client.workflow.start(WORKFLOW_NAMES.run, {
              taskQueue,
              workflowId: runWorkflowId(trigger.workflowId, event.id),
              args: [input],
              workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
              workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
              requestEagerStart: true,
            }),
          );
          fresh += 1;
          runStarts.inc({ workflow: trigger.workflowId });
        } catch (error) {
          // A redelivery: the run this event started before is the one it started.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
        return { outcome: 'started', ...workflow, runId: run.id };
      }),
    );
    return { decisions, runsStarted: fresh };
  }

  /**
   * A published version's definition, read with the schema the API publishes with: one that no
   * longer parses (edited in the database, or from an older schema) starts no run, and says why.
   */
  async function definitionOf(versionId: string): Promise<StoredDefinition> {
    const known = definitions.get(versionId);
    if (known) return known;
    const row = await db.workflowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { definition: true } });
    const result = readStoredDefinition(row.definition);
    definitions.set(versionId, result);
    return result;
  }

  /** Signals the runs whose open wait for this event type correlates with it. */
  async function signalWaits(envelope: RunEvent, waits: WaitRow[]): Promise<number> {
    if (waits.length === 0) return 0;
    // Waits of one node share their expression: each is evaluated once per event.
    const keys = new Map<string, ReadonlySet<string>>();
    for (const expression of new Set(waits.map((wait) => wait.correlationExpr))) {
      keys.set(expression, await eventCorrelationKeys(expression, envelope));
    }
    const matching = waits.filter((wait) => keys.get(wait.correlationExpr)?.has(wait.correlationKey));
    await Promise.all(
      matching.map(async (wait) => {
        const delivered: DeliveredEvent = { waitId: wait.id, event: envelope };
        try {
          await client.workflow.getHandle(wait.temporalWorkflowId).signal(RUN_SIGNALS.deliverEvent, delivered);
        } catch (error) {
          // The run ended (timed out, cancelled) since the wait was read: nothing waits any more.
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          logger.debug({ wait: wait.id }, 'waiting run is gone; event not delivered to it');
        }
      }),
    );
    return matching.length;
  }

  /**
   * The triggers (disabled ones too, so the event can say so) and open waits of the batch's
   * (tenant, type) pairs: two queries for the batch.
   */
  async function lookups(events: Event[]) {
    const pairs = [...new Map(events.map((e) => [dispatchKey(e.tenantId, e.type), { tenantId: e.tenantId, eventType: e.type }])).values()];
    const [triggers, waits] = await Promise.all([
      db.trigger.findMany({ where: { OR: pairs }, select: triggerSelect }),
      db.wait.findMany({ where: { OR: pairs, closedAt: null, expiresAt: { gt: new Date() } }, select: waitSelect }),
    ]);
    const group = <Row extends { tenantId: string; eventType: string }>(rows: Row[]) => {
      const groups = new Map<string, Row[]>();
      for (const row of rows) {
        const key = dispatchKey(row.tenantId, row.eventType);
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      return groups;
    };
    return { triggers: group(triggers), waits: group(waits) };
  }

  async function routeEvents(events: Event[]): Promise<Map<string, RoutedOutcome>> {
    const found = await lookups(events);
    const outcomes = new Map<string, RoutedOutcome>();
    await Promise.all(
      events.map(async (event) => {
        const pair = dispatchKey(event.tenantId, event.type);
        const envelope = toEnvelope(event);
        // The event's own trace, from the request that published it (stored with the event), continues here.
        const span = {
          kind: SpanKind.CONSUMER,
          parent: contextOfTraceParent(event.traceParent),
          attributes: { 'cascade.tenant.id': event.tenantId, 'cascade.event.id': event.id, 'cascade.event.type': event.type },
        };
        try {
          const notes: string[] = [];
          const [{ decisions, runsStarted }, runsSignalled] = await withSpan('dispatch event', span, () =>
            Promise.all([startRuns(event, envelope, found.triggers.get(pair) ?? [], notes), signalWaits(envelope, found.waits.get(pair) ?? [])]),
          );
          outcomes.set(dispatchKey(event.tenantId, event.id), { ok: true, runsStarted, runsSignalled, notes, decisions });
        } catch (error) {
          outcomes.set(dispatchKey(event.tenantId, event.id), { ok: false, error });
        }
      }),
    );
    return outcomes;
  }

  return {
    routeEvents,
    /** One event, as a test or a replay tool routes it; throws what its dispatch would retry on. */
    async routeEvent(event: Event): Promise<RoutedEvent> {
      const outcome = (await routeEvents([event])).get(dispatchKey(event.tenantId, event.id))!;
      if (!outcome.ok) throw outcome.error;
      return { runsStarted: outcome.runsStarted, runsSignalled: outcome.runsSignalled, notes: outcome.notes, decisions: outcome.decisions };
    },
  };
}
