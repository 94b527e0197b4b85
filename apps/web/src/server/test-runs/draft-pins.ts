import 'server-only';
import { defaultCannedOutput, getActionManifest } from '@cascade/actions';
import { firstPointerDeeperThan } from '@cascade/catalog';
import type { WorkflowNode } from '@cascade/workflow';
import { holdsBody, nodePlaces } from '../../designer/bodies';
import { readDraft } from '../../designer/draft';
import type { AuditInTransaction } from '../audit/route-audit';
import { HttpError, unprocessable } from '../http/problem';
import { findWorkflow } from '../routes/workflows';
import { db } from '../services';
import { itemsOfRunIteration, pinnedItemsOf, type PinnedItem, type PinnedItems } from './pinned-items';

/**
 * Pinned data of a draft (README, "Testing one node"): per node, an output that stands in for the
 * node's `steps.<node>.output` when a test runs only part of the draft. Pins live in their own
 * column of the workflow, beside the draft: publishing copies the draft alone, so no version ever
 * carries them.
 */

export const PIN_LIMITS = {
  /** One pinned output, as JSON. */
  outputBytes: 256 * 1024,
  /** All of a draft's pins together, as JSON. */
  totalBytes: 1024 * 1024,
  /** Levels of objects and arrays in one pinned output. */
  depth: 64,
} as const;

/** Where a pinned output came from. */
export type PinSource = { kind: 'typed' } | { kind: 'sample' } | { kind: 'run'; runId: string; key: string };

export interface StoredPin {
  output: unknown;
  source: PinSource;
  pinnedAt: string;
  pinnedBy: string;
}

export type DraftPins = Record<string, StoredPin>;

/** How the caller asks for a pin: a typed output, the action's sample output, or a past run's recorded step. */
export type PinRequest = { kind: 'typed'; output: unknown } | { kind: 'sample' } | { kind: 'run'; runId: string; key?: string | undefined };

export interface PinWarning {
  path: string;
  message: string;
}

export const pinsOf = (row: { pins: unknown }): DraftPins => (row.pins ?? {}) as DraftPins;

/** The draft's top-level nodes, leniently: a draft may be incomplete. */
export function topLevelNodesOf(draft: unknown): WorkflowNode[] {
  const listed = (draft as { nodes?: unknown } | null)?.nodes;
  return (Array.isArray(listed) ? listed : []).filter((node): node is WorkflowNode => typeof node === 'object' && node !== null && typeof (node as { id?: unknown }).id === 'string');
}

/** A node of the draft and the ids of the nodes whose bodies hold it, outermost first ([] at the top level). */
export interface PinnablePlace {
  node: WorkflowNode;
  owners: readonly string[];
}

/**
 * The node `nodeId` of the draft, at any depth, that can be pinned or tested: 422 naming `path`
 * when the draft has no such node, or it is the trigger (whose output is the event the test runs on).
 */
export function pinnablePlace(draft: unknown, nodeId: string, path: string): PinnablePlace {
  const places = nodePlaces(readDraft(draft, '').definition);
  const choices = [...places].filter(([, place]) => place.graph.nodes[place.index]!.type !== 'trigger').map(([id]) => id);
  const place = places.get(nodeId);
  const node = place?.graph.nodes[place.index];
  if (!place || !node) {
    throw unprocessable(`The draft has no node "${nodeId}"`, [{ path, message: 'names no node of the draft', expected: `one of ${choices.join(', ') || '(no nodes)'}` }]);
  }
  if (node.type === 'trigger') {
    throw unprocessable('The trigger’s output is the event the test runs on: choose a sample event instead', [{ path, message: 'names the trigger', expected: `one of ${choices.join(', ') || '(no other nodes)'}` }]);
  }
  return { node: node as unknown as WorkflowNode, owners: place.scope };
}

/** Every node of the draft that holds a body (the registry says which types do), at any depth. */
function bodyOwnerIds(draft: unknown): string[] {
  return [...nodePlaces(readDraft(draft, '').definition)].filter(([, place]) => holdsBody(place.graph.nodes[place.index])).map(([id]) => id);
}

/**
 * Pins `request`'s output to `nodeId` (or unpins it, given null) and answers the draft's pins, with
 * warnings where a typed output does not fit the action's output schema: it is kept, since a test
 * may want exactly such an output, but the author is told.
 */
export async function pinNodeOutput(tenantId: string, workflowId: string, nodeId: string, request: PinRequest | null, pinnedBy: string, audit: AuditInTransaction) {
  const workflow = await findWorkflow(tenantId, workflowId);
  const { node, owners } = pinnablePlace(workflow.draft, nodeId, '/body/nodeId');
  if (request === null) return { ...(await updatePinned(workflow.id, (current) => ({ ...current, pins: withoutKey(current.pins, nodeId) }), audit)), warnings: [] };
  const { output, source } = await resolvePin(tenantId, node, owners, request);
  checkOutputBounds(output, request.kind === 'typed' ? '/body/source/output' : '/body/source');
  const pinnedAt = new Date().toISOString();
  const pin: StoredPin = { output, source, pinnedAt, pinnedBy };
  // A body step copied from a run brings the items of its iteration, unless the author typed them.
  const fromRun = source.kind === 'run' && owners.length ? source : undefined;
  const recovered = fromRun ? Object.entries(await itemsOfRunIteration(tenantId, fromRun.runId, fromRun.key, owners)) : [];
  for (const [, { value }] of recovered) checkOutputBounds(value, '/body/source');
  // Own keys only: a node may be named `constructor`.
  const typed = (items: PinnedItems, owner: string) => Object.hasOwn(items, owner) && items[owner]!.source.kind === 'typed';
  const taken = (items: PinnedItems): PinnedItems =>
    Object.fromEntries(recovered.filter(([owner]) => !typed(items, owner)).map(([owner, { value, index }]) => [owner, { value, index, source: fromRun!, pinnedAt, pinnedBy }]));
  const pinned = await updatePinned(workflow.id, (current) => ({ pins: { ...current.pins, [nodeId]: pin }, items: { ...current.items, ...taken(current.items) } }), audit);
  return { ...pinned, warnings: request.kind === 'typed' ? fitWarnings(node, output) : [] };
}

/**
 * Pins the item (and its index) that a test of a node inside `nodeId`'s body runs with, or unpins
 * it given null: the node must hold a body (422 naming the field and the nodes that do).
 */
export async function pinBodyItem(tenantId: string, workflowId: string, nodeId: string, item: { value: unknown; index: number } | null, pinnedBy: string, audit: AuditInTransaction) {
  const workflow = await findWorkflow(tenantId, workflowId);
  const owners = bodyOwnerIds(workflow.draft);
  if (!owners.includes(nodeId)) {
    throw unprocessable(`"${nodeId}" holds no body whose item could be pinned`, [{ path: '/body/nodeId', message: 'names no node of the draft that holds a body', expected: `one of ${owners.join(', ') || '(no node of the draft holds a body)'}` }]);
  }
  if (item === null) return { ...(await updatePinned(workflow.id, (current) => ({ ...current, items: withoutKey(current.items, nodeId) }), audit)), warnings: [] };
  checkOutputBounds(item.value, '/body/item/value');
  const pinned: PinnedItem = { value: item.value, index: item.index, source: { kind: 'typed' }, pinnedAt: new Date().toISOString(), pinnedBy };
  return { ...(await updatePinned(workflow.id, (current) => ({ ...current, items: { ...current.items, [nodeId]: pinned } }), audit)), warnings: [] };
}

/**
 * Pins the output of every top-level node of the draft (but the trigger) that completed in the
 * past run `runId`: what "run from here" then starts with is what that run saw.
 */
export async function pinRunOutputs(tenantId: string, workflowId: string, runId: string, pinnedBy: string, audit: AuditInTransaction) {
  const workflow = await findWorkflow(tenantId, workflowId);
  const run = await db().run.findFirst({ where: { id: runId, tenantId }, select: { id: true } });
  if (!run) throw unprocessable(`No run ${runId} in this tenant`, [{ path: '/body/runId', message: 'names no run of this tenant', expected: 'the id of a past run' }]);
  const nodeIds = topLevelNodesOf(workflow.draft).filter((node) => node.type !== 'trigger').map((node) => node.id);
  const steps = await db().runStep.findMany({ where: { runId, key: { in: nodeIds }, status: 'COMPLETED' }, select: { key: true, output: true } });
  const pinnedAt = new Date().toISOString();
  for (const step of steps) checkOutputBounds(step.output, `/body/runId`);
  const taken = Object.fromEntries(steps.map((step): [string, StoredPin] => [step.key, { output: step.output, source: { kind: 'run', runId, key: step.key }, pinnedAt, pinnedBy }]));
  return { ...(await updatePinned(workflow.id, (current) => ({ ...current, pins: { ...current.pins, ...taken } }), audit)), warnings: [] };
}

async function resolvePin(tenantId: string, node: WorkflowNode, owners: readonly string[], request: PinRequest): Promise<{ output: unknown; source: PinSource }> {
  switch (request.kind) {
    case 'typed':
      return { output: request.output, source: { kind: 'typed' } };
    case 'sample':
      return { output: await sampleOutputOf(tenantId, node), source: { kind: 'sample' } };
    case 'run': {
      // A body node runs once per item, its keys `loop[2].node`: without a key, its first completed step.
      const inBody = owners.length > 0 && request.key === undefined;
      const where = inBody ? { runId: request.runId, nodeId: node.id, status: 'COMPLETED' as const, run: { tenantId } } : { runId: request.runId, key: request.key ?? node.id, run: { tenantId } };
      const step = await db().runStep.findFirst({ where, orderBy: { startedAt: 'asc' }, select: { key: true, status: true, output: true } });
      const key = step?.key ?? request.key ?? node.id;
      if (!step) throw unprocessable(`Run ${request.runId} of this tenant has no step "${key}"`, [{ path: '/body/source', message: 'names no recorded step of a run of this tenant', expected: 'a run id and the key of one of its steps' }]);
      if (step.status !== 'COMPLETED') throw unprocessable(`Step "${key}" of run ${request.runId} did not complete: it has no output to pin`, [{ path: '/body/source/key', message: `the step is ${step.status}`, expected: 'a completed step' }]);
      return { output: step.output, source: { kind: 'run', runId: request.runId, key } };
    }
  }
}

/** An action's sample output, generated from its output schema as a test run's default stub is. */
async function sampleOutputOf(tenantId: string, node: WorkflowNode): Promise<unknown> {
  if (node.type !== 'action') {
    throw unprocessable(`Only an action's output has a sample; type the output of "${node.id}" or copy it from a past run`, [{ path: '/body/source/kind', message: `"${node.id}" is a ${node.type} node`, expected: 'typed or run' }]);
  }
  const manifest = getActionManifest(node.action);
  const remote = manifest ? null : await db().remoteAction.findFirst({ where: { tenantId, actionId: node.action }, select: { outputSchema: true } });
  return defaultCannedOutput(manifest, remote?.outputSchema) ?? null;
}

/** One output within the size and nesting limits: a hostile pin is refused before it is stored. */
function checkOutputBounds(output: unknown, path: string): void {
  const tooDeep = firstPointerDeeperThan(output, PIN_LIMITS.depth);
  if (tooDeep !== undefined) throw unprocessable(`The pinned output nests deeper than ${PIN_LIMITS.depth} levels`, [{ path: `${path}${tooDeep}`, message: 'nests too deep', expected: `at most ${PIN_LIMITS.depth} levels of objects and arrays` }]);
  const bytes = Buffer.byteLength(JSON.stringify(output ?? null));
  if (bytes > PIN_LIMITS.outputBytes) throw tooLarge(`The pinned output has ${bytes} bytes of JSON, more than ${PIN_LIMITS.outputBytes}`, path);
}

const tooLarge = (detail: string, path: string) => new HttpError(413, 'Content Too Large', detail, [{ path, message: detail }]);

function fitWarnings(node: WorkflowNode, output: unknown): PinWarning[] {
  if (node.type !== 'action') return [];
  const parsed = getActionManifest(node.action)?.output.safeParse(output);
  if (!parsed || parsed.success) return [];
  return parsed.error.issues.slice(0, 20).map((issue) => ({ path: ['/body/source/output', ...issue.path.map(String)].join('/'), message: `does not fit ${node.action}’s output: ${issue.message}` }));
}

function withoutKey<Value>(record: Record<string, Value>, key: string): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => id !== key));
}

/** A draft's pinned data: the outputs by node id, and the items by the id of the node holding the body. */
export interface Pinned {
  pins: DraftPins;
  items: PinnedItems;
}

/**
 * Changes the pinned data under a row lock, so two pins written at once both stay and the total
 * stays bounded; the call's audit entry commits with the change.
 */
async function updatePinned(workflowId: string, change: (current: Pinned) => Pinned, audit: AuditInTransaction): Promise<Pinned> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ pins: unknown; pinned_items: unknown }>>`SELECT pins, pinned_items FROM workflows WHERE id = ${workflowId}::uuid FOR UPDATE`;
    const next = change({ pins: pinsOf(row ?? { pins: {} }), items: pinnedItemsOf({ pinnedItems: row?.pinned_items }) });
    const bytes = Buffer.byteLength(JSON.stringify(next));
    if (bytes > PIN_LIMITS.totalBytes) throw tooLarge(`The draft's pins would hold ${bytes} bytes of JSON, more than ${PIN_LIMITS.totalBytes}: unpin other nodes first`, '/body');
    // Not through the model: pins are no edit of the draft, so the workflow's updatedAt stays.
    await tx.$executeRaw`UPDATE workflows SET pins = ${JSON.stringify(next.pins)}::jsonb, pinned_items = ${JSON.stringify(next.items)}::jsonb WHERE id = ${workflowId}::uuid`;
    await audit(tx);
    return next;
  });
}

/** The draft's pinned data as the API answers it. */
export const pinnedOf = (row: { pins: unknown; pinnedItems: unknown }): Pinned => ({ pins: pinsOf(row), items: pinnedItemsOf(row) });

/**
 * The pinned outputs a scoped test starts with: those of the draft's current top-level nodes, and
 * for a test of a node inside a body (`inBody`) those of body nodes too. Otherwise a body's pins
 * would seed every iteration of a forEach the test runs with outputs of steps it never ran.
 */
export function pinnedOutputs(pins: DraftPins, draft: unknown, { inBody }: { inBody: boolean }): Record<string, unknown> {
  const places = nodePlaces(readDraft(draft, '').definition);
  const counts = (nodeId: string) => places.has(nodeId) && (inBody || places.get(nodeId)!.scope.length === 0);
  return Object.fromEntries(Object.entries(pins).filter(([nodeId]) => counts(nodeId)).map(([nodeId, pin]) => [nodeId, pin.output]));
}
