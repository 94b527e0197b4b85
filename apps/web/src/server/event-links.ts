import 'server-only';
import type { Prisma } from '@cascade/db';
import { notStartedDecisionSchemas, readDispatchDecisions, type DispatchDecision } from '@cascade/ingestion';
import { z } from 'zod';
import { db } from './services';

/**
 * What links events and runs: why an event started the runs it did (or none), which run emitted
 * an event, and which events a run emitted and received. Every answer comes from what was
 * recorded: dispatch decisions, the emit step's output, the wait's delivered event.
 */

/** Why a workflow did not start a run for the event, or why the event started none at all: the page's and the API's. */
export const noRunReasonSchema = z
  .discriminatedUnion('outcome', [
    ...notStartedDecisionSchemas,
    z.object({ outcome: z.literal('pending'), lastError: z.string().nullable() }).describe('Not dispatched yet'),
    z.object({ outcome: z.literal('dead'), error: z.string().nullable() }).describe('Dispatching gave up; replay the event'),
    z.object({ outcome: z.literal('no-workflow'), eventType: z.string() }).describe('No published workflow is triggered by the type'),
    z.object({ outcome: z.literal('unknown'), workflowId: z.string(), workflowName: z.string() })
      .describe('Dispatched before decisions were recorded, with a trigger that is enabled now: nothing tells why'),
  ])
  .meta({ id: 'NoRunReason' });

export type NoRunReason = z.infer<typeof noRunReasonSchema>;

export const dispatchExplanationSchema = z
  .object({
    basis: z.enum(['recorded', 'current-workflows', 'not-dispatched'])
      .describe('`recorded`: what the dispatcher recorded at the time; `current-workflows`: read from the workflows as they are now, for events dispatched before that was recorded'),
    reasons: z.array(noRunReasonSchema),
  })
  .meta({ id: 'DispatchExplanation' });

export type DispatchExplanation = z.infer<typeof dispatchExplanationSchema>;

interface EventWithDispatch {
  id: string;
  type: string;
  dispatch: { status: string; lastError: string | null; decisions: Prisma.JsonValue } | null;
}

/** Why the event started no run for each workflow that names its type, or why it started none at all. */
export async function explainDispatch(tenantId: string, event: EventWithDispatch): Promise<DispatchExplanation> {
  const { dispatch } = event;
  if (!dispatch || dispatch.status === 'PENDING') return { basis: 'not-dispatched', reasons: [{ outcome: 'pending', lastError: dispatch?.lastError ?? null }] };
  if (dispatch.status === 'DEAD') return { basis: 'not-dispatched', reasons: [{ outcome: 'dead', error: dispatch.lastError }] };
  const decisions = readDispatchDecisions(dispatch.decisions);
  if (decisions) {
    const reasons = decisions.filter((decision): decision is Exclude<DispatchDecision, { outcome: 'started' }> => decision.outcome !== 'started');
    return { basis: 'recorded', reasons: decisions.length ? reasons : [{ outcome: 'no-workflow', eventType: event.type }] };
  }
  return { basis: 'current-workflows', reasons: await reasonsFromCurrentWorkflows(tenantId, event) };
}

/** For events dispatched before decisions were recorded: what today's triggers allow one to say. */
async function reasonsFromCurrentWorkflows(tenantId: string, event: EventWithDispatch): Promise<NoRunReason[]> {
  const triggers = await db().trigger.findMany({
    where: { tenantId, eventType: event.type },
    select: { workflowId: true, enabled: true, workflow: { select: { name: true, enabled: true } }, version: { select: { version: true } } },
    orderBy: { workflow: { name: 'asc' } },
  });
  if (triggers.length === 0) return [{ outcome: 'no-workflow', eventType: event.type }];
  const started = new Set((await db().run.findMany({ where: { tenantId, eventId: event.id, parentRunId: null }, select: { workflowId: true } })).map((run) => run.workflowId));
  return triggers
    .filter((trigger) => !started.has(trigger.workflowId))
    .map((trigger): NoRunReason => {
      const workflow = { workflowId: trigger.workflowId, workflowName: trigger.workflow.name };
      return trigger.enabled && trigger.workflow.enabled ? { outcome: 'unknown', ...workflow } : { outcome: 'disabled', ...workflow, version: trigger.version.version };
    });
}

const RUN_PUBLISHER = /^run:([0-9a-f-]{36})$/i;

/** The run (and its step) that emitted the event, when a run did: its emit step's output names the event. */
export async function emitterOfEvent(tenantId: string, event: { id: string; publishedBy: string | null }) {
  const runId = RUN_PUBLISHER.exec(event.publishedBy ?? '')?.[1];
  if (!runId) return null;
  const [run, step] = await Promise.all([
    db().run.findFirst({ where: { tenantId, id: runId }, select: { id: true, workflowId: true, workflow: { select: { name: true } } } }),
    db().runStep.findFirst({ where: { runId, output: { path: ['eventId'], equals: event.id } }, select: { key: true } }),
  ]);
  return run ? { runId: run.id, workflowId: run.workflowId, workflowName: run.workflow.name, stepKey: step?.key ?? null } : null;
}

interface RunWithLinks {
  id: string;
  eventId: string | null;
  steps: ReadonlyArray<{ key: string; output: Prisma.JsonValue }>;
  waits: ReadonlyArray<{ nodeKey: string; deliveredEventId: string | null }>;
}

const emittedEventId = (output: Prisma.JsonValue): string | null => {
  const id = output && typeof output === 'object' && !Array.isArray(output) ? output.eventId : undefined;
  return typeof id === 'string' ? id : null;
};

/**
 * The events a run emitted (from its emit steps' outputs, checked against who published them, so
 * an action that merely outputs an `eventId` is not taken for an emit) and those its waits
 * received, with the event that triggered it.
 */
export async function eventsOfRun(tenantId: string, run: RunWithLinks) {
  const emitting = run.steps.flatMap((step) => {
    const eventId = emittedEventId(step.output);
    return eventId ? [{ stepKey: step.key, eventId }] : [];
  });
  const receiving = run.waits.flatMap((wait) => (wait.deliveredEventId ? [{ nodeKey: wait.nodeKey, eventId: wait.deliveredEventId }] : []));
  const ids = [...new Set([...emitting, ...receiving].map((link) => link.eventId).concat(run.eventId ?? []))];
  const events = ids.length
    ? await db().event.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, type: true, publishedBy: true, receivedAt: true } })
    : [];
  const byId = new Map(events.map((event) => [event.id, event]));
  return {
    trigger: run.eventId ? (byId.get(run.eventId) ?? null) : null,
    emitted: emitting.flatMap(({ stepKey, eventId }) => {
      const event = byId.get(eventId);
      return event && event.publishedBy === `run:${run.id}` ? [{ stepKey, event }] : [];
    }),
    received: receiving.flatMap(({ nodeKey, eventId }) => {
      const event = byId.get(eventId);
      return event ? [{ nodeKey, event }] : [];
    }),
  };
}
