import { toEnvelope, type Database, type Event } from '@cascade/db';
import type { Logger } from '@cascade/logger';
import { RUN_SIGNALS, WORKFLOW_NAMES, runWorkflowId, type DeliveredEvent, type RunInput } from '@cascade/temporal';
import { evaluateExpression, type WorkflowDefinition } from '@cascade/workflow';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { stableUuid } from '../runs/stable-uuid';

export interface RoutedEvent {
  runsStarted: number;
  runsSignalled: number;
  /** Readable problems that did not stop the dispatch, such as a trigger filter that failed. */
  notes: string[];
}

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
  const definitions = new Map<string, WorkflowDefinition>();

  async function startRuns(event: Event, notes: string[]): Promise<number> {
    const triggers = await db.trigger.findMany({
      where: { tenantId: event.tenantId, eventType: event.type, enabled: true, workflow: { enabled: true } },
      select: { workflowId: true, versionId: true, filter: true, workflow: { select: { name: true } }, version: { select: { version: true } } },
    });
    if (triggers.length === 0) return 0;
    const envelope = toEnvelope(event);
    const starts = await Promise.all(
      triggers.map(async (trigger) => {
        if (trigger.filter) {
          try {
            const verdict = await evaluateExpression(trigger.filter, { event: envelope }, { now: Date.now() });
            if (!verdict) return false;
          } catch (error) {
            notes.push(`Trigger filter of workflow "${trigger.workflow.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
            return false;
          }
        }
        const input: RunInput = {
          run: {
            id: stableUuid(`${trigger.workflowId}:${event.id}`),
            tenantId: event.tenantId,
            workflowId: trigger.workflowId,
            versionId: trigger.versionId,
            version: trigger.version.version,
          },
          definition: await definitionOf(trigger.versionId),
          event: envelope,
        };
        try {
          await client.workflow.start(WORKFLOW_NAMES.run, {
            taskQueue,
            workflowId: runWorkflowId(trigger.workflowId, event.id),
            args: [input],
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
            requestEagerStart: true,
          });
          return true;
        } catch (error) {
          if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
          throw error;
        }
      }),
    );
    return starts.filter(Boolean).length;
  }

  async function definitionOf(versionId: string): Promise<WorkflowDefinition> {
    const known = definitions.get(versionId);
    if (known) return known;
    const { definition } = await db.workflowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { definition: true } });
    definitions.set(versionId, definition as unknown as WorkflowDefinition);
    return definition as unknown as WorkflowDefinition;
  }

  /** Signals the runs whose open wait for this event type correlates with it. */
  async function signalWaits(event: Event): Promise<number> {
    const waits = await db.wait.findMany({
      where: { tenantId: event.tenantId, eventType: event.type, closedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, temporalWorkflowId: true, correlationKey: true, correlationExpr: true },
    });
    if (waits.length === 0) return 0;
    const envelope = toEnvelope(event);
    const keys = new Map<string, string | undefined>();
    for (const expression of new Set(waits.map((wait) => wait.correlationExpr))) {
      const value = await evaluateExpression(expression, { event: envelope }, { now: Date.now() }).catch(() => undefined);
      keys.set(expression, value === undefined ? undefined : JSON.stringify(value));
    }
    const matching = waits.filter((wait) => keys.get(wait.correlationExpr) === wait.correlationKey);
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

  return async function routeEvent(event: Event): Promise<RoutedEvent> {
    const notes: string[] = [];
    const [runsStarted, runsSignalled] = await Promise.all([startRuns(event, notes), signalWaits(event)]);
    return { runsStarted, runsSignalled, notes };
  };
}
