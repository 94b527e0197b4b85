import 'server-only';
import { randomUUID } from 'node:crypto';
import { defaultCannedOutput, getActionManifest, stubbedByDefault } from '@cascade/actions';
import { getEventDefinition } from '@cascade/catalog';
import { toEnvelope, type StoredEnvelope } from '@cascade/db';
import { startTestRun, type StubSetting, type TestScope } from '@cascade/temporal/test-runs';
import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { webEnv } from '../../env.server';
import { HttpError, unprocessable, type ProblemDetail } from '../http/problem';
import { findWorkflow } from '../routes/workflows';
import { pinnablePlace, pinnedOutputs, pinsOf } from './draft-pins';
import { pinnedItemsOf, testIterations } from './pinned-items';
import { db, ingestion, temporal } from '../services';
import { publishableDefinition } from '../workflow-publishing';

export interface TestRunRequest {
  /** A sample event; its type defaults to the draft trigger's. */
  event?: { type?: string | undefined; version?: number | undefined; data: unknown; correlationId?: string | undefined };
  /** A past event of the tenant's log to run on instead. */
  eventId?: string;
  stubs: Record<string, StubSetting>;
  /** Only part of the draft: the node alone, up to it, or from it (with the draft's pins). */
  scope?: TestScope | undefined;
}

/** Every action node of a flow, forEach bodies included. */
export function actionNodesOf(nodes: readonly WorkflowNode[]): Array<WorkflowNode & { type: 'action' }> {
  return nodes.flatMap((node) => (node.type === 'action' ? [node] : node.type === 'forEach' ? actionNodesOf(node.body.nodes) : []));
}

/**
 * Starts a test run of the workflow's current draft: validated as for publishing (422 naming each
 * problem), on a sample event checked as ingestion checks a published one (but not stored) or on a
 * past event of the log, with the author's stub settings for its action nodes.
 */
export async function startDraftTestRun(tenantId: string, workflowId: string, request: TestRunRequest, startedBy: string): Promise<string> {
  const workflow = await findWorkflow(tenantId, workflowId);
  const definition = await publishableDefinition(tenantId, workflow.draft);
  checkStubs(definition, request.stubs);
  const place = request.scope ? scopedPlace(definition, request.scope) : undefined;
  const event = request.eventId ? await pastEvent(tenantId, request.eventId) : await sampleEvent(tenantId, definition, request.event ?? { data: {} });
  const id = randomUUID();
  const iterations = place?.owners.length ? { iterations: await testIterations(tenantId, definition, place.node.id, place.owners, pinnedItemsOf(workflow)) } : {};
  const scoped = request.scope ? { scope: request.scope, pinned: pinnedOutputs(pinsOf(workflow), definition, { inBody: Boolean(place?.owners.length) }), ...iterations } : {};
  await startTestRun(db(), await temporal(), { id, tenantId, workflowId, definition, event, stubs: request.stubs, startedBy, taskQueue: webEnv().CASCADE_TEST_TASK_QUEUE, ...scoped });
  return id;
}

/** The node a scope names: any node but the trigger for a test of the node alone, a top-level one otherwise. */
function scopedPlace(definition: WorkflowDefinition, scope: TestScope) {
  const place = pinnablePlace(definition, scope.nodeId, '/body/scope/nodeId');
  if (place.owners.length > 0 && scope.mode !== 'node') {
    const topLevel = definition.nodes.filter((node) => node.type !== 'trigger').map((node) => node.id);
    throw unprocessable(`"${scope.nodeId}" sits inside the body of "${place.owners.at(-1)}": a node inside a body can be tested alone, not run ${scope.mode === 'upTo' ? 'up to' : 'from'}`, [
      { path: '/body/scope/nodeId', message: 'names a node inside a body', expected: `a top-level node (one of ${topLevel.join(', ')}), or mode "node"` },
    ]);
  }
  return place;
}

function triggerOf(definition: WorkflowDefinition) {
  return definition.nodes.find((node) => node.type === 'trigger') as (WorkflowNode & { type: 'trigger' }) | undefined;
}

function checkStubs(definition: WorkflowDefinition, stubs: Record<string, StubSetting>): void {
  const actions = new Set(actionNodesOf(definition.nodes).map((node) => node.id));
  const problems: ProblemDetail[] = Object.keys(stubs)
    .filter((nodeId) => !actions.has(nodeId))
    .map((nodeId) => ({ path: `/body/stubs/${nodeId}`, message: `The draft has no action node "${nodeId}"`, expected: `one of ${[...actions].join(', ') || '(no action nodes)'}` }));
  if (problems.length) throw unprocessable('Stub settings name nodes that are not actions of the draft', problems);
}

async function pastEvent(tenantId: string, eventId: string): Promise<StoredEnvelope> {
  const row = await db().event.findFirst({ where: { tenantId, id: eventId } });
  if (!row) throw unprocessable(`No event ${eventId} in this tenant's log`, [{ path: '/body/eventId', message: 'names no event of this tenant', expected: 'the id of a past event' }]);
  return toEnvelope(row);
}

/**
 * The sample as the run's `event`: checked as ingestion checks an event it is given (schema,
 * size, storable text), but not stored, so it triggers nothing. Publisher namespaces do not
 * apply: nothing is published.
 */
export async function checkedSample(tenantId: string, item: Record<string, unknown>, root: string): Promise<StoredEnvelope> {
  const env = webEnv();
  const checked = await ingestion().check({ tenantId, id: 'test-run', namespaces: [] }, item, { restrictedNamespaces: [], maxCausationDepth: env.MAX_CAUSATION_DEPTH });
  if (!('envelope' in checked)) {
    const title = { 400: 'Bad Request', 403: 'Forbidden', 413: 'Content Too Large', 422: 'Unprocessable Content' }[checked.status];
    throw new HttpError(checked.status, title, `The sample event is refused: ${checked.detail}`, checked.errors.map((error) => ({ ...error, path: `${root}${error.path}` })));
  }
  const { envelope } = checked;
  return {
    id: envelope.id, type: envelope.type, version: envelope.version, timestamp: envelope.timestamp, source: envelope.source, tenantId,
    correlationId: envelope.correlationId ?? null, causationId: envelope.causationId ?? null, actor: envelope.actor ?? null, data: envelope.data, metadata: envelope.metadata ?? null,
  };
}

async function sampleEvent(tenantId: string, definition: WorkflowDefinition, sample: NonNullable<TestRunRequest['event']>): Promise<StoredEnvelope> {
  const trigger = triggerOf(definition)!;
  const type = sample.type ?? trigger.event;
  if (type !== trigger.event) {
    throw unprocessable(`The draft starts on ${trigger.event}, not ${type}`, [{ path: '/body/event/type', message: 'is not the trigger’s event type', expected: trigger.event, received: type }]);
  }
  const { version } = sample;
  return checkedSample(tenantId, { type, ...(version === undefined ? {} : { version }), source: 'test-run', data: sample.data, ...(sample.correlationId ? { correlationId: sample.correlationId } : {}) }, '/body/event');
}

/**
 * What the test panel offers before a test starts: a sample of the trigger's event (the catalog's
 * example), and each action node, whether it is stubbed by default, and its default canned output.
 */
export async function testPlanOf(tenantId: string, draft: unknown) {
  const listed = (draft as { nodes?: unknown } | null)?.nodes;
  const nodes = (Array.isArray(listed) ? listed : []).filter((node): node is WorkflowNode => typeof node === 'object' && node !== null);
  const actions = actionNodesOf(nodes);
  const trigger = nodes.find((node) => node.type === 'trigger');
  const triggerEvent = trigger?.type === 'trigger' && typeof trigger.event === 'string' ? trigger.event : null;
  const remoteIds = actions.map((node) => node.action).filter((id) => !getActionManifest(id));
  const remote = remoteIds.length ? await db().remoteAction.findMany({ where: { tenantId, actionId: { in: remoteIds } } }) : [];
  const remoteSchemas = new Map(remote.map((row) => [row.actionId, row.outputSchema]));
  return {
    sample: triggerEvent ? { type: triggerEvent, data: getEventDefinition(triggerEvent)?.example ?? {} } : null,
    actions: actions.map((node) => ({
      nodeId: node.id,
      actionId: node.action,
      stubbedByDefault: stubbedByDefault(node.action, node.input),
      cannedOutput: defaultCannedOutput(getActionManifest(node.action), remoteSchemas.get(node.action)),
    })),
  };
}
