import 'server-only';
import { sql } from '@cascade/db';
import { readDraft, type DraftNode } from '../../designer/draft';
import { eventsOfRun } from '../event-links';
import { findRun } from '../run-store';
import { db } from '../services';
import { aggregateNodes, countIterations } from './node-aggregates';
import { deriveFlowStates, flatNodes, type FlowNodeState } from './flow-states';
import type { NodeRunState } from './node-states';
import { explainWaits, nodeIdOfKey } from './wait-explanation';

/** Emitting steps and sub-workflow children read for one view at most; a larger run lists the rest through the steps API. */
const LINKS_READ = 500;

/**
 * Everything a run's page draws, bounded by the size of its definition rather than its steps:
 * the published version it executed, each node's state from per-node aggregates, the edges it
 * took, its waits explained, its approvals, its forEach iteration counts, the child runs of its
 * sub-workflow nodes, and the events of its causation chain for the timeline.
 */
export async function loadRunView(tenantId: string, runId: string, now = new Date()) {
  const run = await findRun(tenantId, runId, { steps: false });
  const [version, aggregates, emitting, children] = await Promise.all([
    db().workflowVersion.findUniqueOrThrow({ where: { id: run.versionId }, select: { definition: true } }),
    aggregateNodes(run.id),
    sql<{ key: string; event_id: string }>(db(), `SELECT key, output ->> 'eventId' AS event_id FROM run_steps WHERE run_id = $1::uuid AND jsonb_typeof(output -> 'eventId') = 'string' ORDER BY started_at LIMIT ${LINKS_READ}`, [run.id]),
    childRuns(run),
  ]);
  const definition = readDraft(version.definition, run.workflow.name).definition;
  const allNodes = new Map(flatNodes(definition.nodes).map((node) => [node.id, node]));
  const parked = new Map<string, Date>();
  for (const wait of run.waits) if (!wait.closedAt) parked.set(nodeIdOfKey(wait.nodeKey), wait.openedAt);
  for (const task of run.approvalTasks) if (task.status === 'PENDING') parked.set(nodeIdOfKey(task.nodeKey), task.createdAt);
  const situation = { runStatus: run.status, aggregates, parked, now };
  const loops = definition.nodes.filter((node) => node.type === 'forEach');
  const [counts, events, waits] = await Promise.all([
    Promise.all(loops.map(async (node) => [node.id, await countIterations(run.id, node.id)] as const)).then((entries) => new Map(entries)),
    eventsOfRun(tenantId, { id: run.id, eventId: run.eventId, steps: emitting.map((row) => ({ key: row.key, output: { eventId: row.event_id } })), waits: run.waits }),
    explainWaits(tenantId, run.waits, allNodes),
  ]);
  // The body's nodes over all iterations: a body node failed if it failed in any of them.
  const flow = deriveFlowStates(definition, situation, { iterationsOf: (id) => counts.get(id) ?? 0 });
  const stateOf = ({ inBodyOf: _in, iterations: _iterations, ...state }: FlowNodeState): NodeRunState => state;
  const nodes = flow.nodes.filter((node) => node.inBodyOf === null).map(stateOf);
  const iterations = loops.map((node) => [node.id, { iterations: counts.get(node.id) ?? 0, body: flow.nodes.filter((body) => body.inBodyOf === node.id).map(stateOf) }] as const);
  return {
    run: {
      id: run.id, workflowId: run.workflowId, workflowName: run.workflow.name, version: run.version.version, status: run.status,
      eventId: run.eventId, parentRunId: run.parentRunId, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null,
      error: run.error,
    },
    definition: version.definition,
    nodes,
    takenEdges: flow.takenEdges,
    forEach: Object.fromEntries(iterations),
    children,
    waits,
    approvals: run.approvalTasks.map((task) => {
      const node = allNodes.get(nodeIdOfKey(task.nodeKey)) as (DraftNode & { escalation?: { after?: string; assignees?: unknown[] } }) | undefined;
      return {
        id: task.id, nodeKey: task.nodeKey, title: task.title, status: task.status, assignees: task.assignees as string[],
        dueAt: task.dueAt.toISOString(), createdAt: task.createdAt.toISOString(), escalatedAt: task.escalatedAt?.toISOString() ?? null,
        escalation: node?.escalation ? { after: String(node.escalation.after ?? ''), assignees: (node.escalation.assignees ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))) } : null,
        decidedBy: task.decidedBy, decidedAt: task.decidedAt?.toISOString() ?? null,
      };
    }),
    events: {
      trigger: events.trigger && eventLink(events.trigger),
      emitted: events.emitted.map(({ stepKey, event }) => ({ stepKey, ...eventLink(event) })),
      received: events.received.map(({ nodeKey, event }) => ({ nodeKey, ...eventLink(event) })),
    },
    now: now.toISOString(),
  };
}

export type RunView = Awaited<ReturnType<typeof loadRunView>>;

const eventLink = (event: { id: string; type: string; receivedAt: Date }) => ({ id: event.id, type: event.type, receivedAt: event.receivedAt.toISOString() });

/** The runs a run's sub-workflow nodes started, running ones too; each names its step key in its Temporal id (`<parent>/<step key>`). */
async function childRuns(run: { id: string; temporalWorkflowId: string }) {
  const rows = await db().run.findMany({
    where: { parentRunId: run.id }, select: { id: true, status: true, temporalWorkflowId: true }, orderBy: { startedAt: 'asc' }, take: LINKS_READ,
  });
  const prefix = `${run.temporalWorkflowId}/`;
  return rows.map((child) => {
    const stepKey = child.temporalWorkflowId.startsWith(prefix) ? child.temporalWorkflowId.slice(prefix.length) : child.temporalWorkflowId;
    return { stepKey, nodeId: nodeIdOfKey(stepKey), runId: child.id, status: child.status };
  });
}
