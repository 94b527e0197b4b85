import 'server-only';
import { defaultCannedOutput, getActionManifest } from '@cascade/actions';
import { firstPointerDeeperThan } from '@cascade/catalog';
import type { WorkflowNode } from '@cascade/workflow';
import type { AuditInTransaction } from '../audit/route-audit';
import { HttpError, unprocessable } from '../http/problem';
import { findWorkflow } from '../routes/workflows';
import { db } from '../services';

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

/**
 * The top-level node `nodeId` of the draft that can be pinned or tested: 422 naming `path` when the
 * draft has no such node, or it is the trigger (whose output is the event the test runs on).
 */
export function pinnableNode(draft: unknown, nodeId: string, path: string): WorkflowNode {
  const nodes = topLevelNodesOf(draft);
  const node = nodes.find((candidate) => candidate.id === nodeId);
  const choices = nodes.filter((candidate) => candidate.type !== 'trigger').map((candidate) => candidate.id);
  if (!node) {
    throw unprocessable(`The draft has no top-level node "${nodeId}"`, [{ path, message: 'names no top-level node of the draft', expected: `one of ${choices.join(', ') || '(no nodes)'}` }]);
  }
  if (node.type === 'trigger') {
    throw unprocessable('The trigger’s output is the event the test runs on: choose a sample event instead', [{ path, message: 'names the trigger', expected: `one of ${choices.join(', ') || '(no other nodes)'}` }]);
  }
  return node;
}

/**
 * Pins `request`'s output to `nodeId` (or unpins it, given null) and answers the draft's pins, with
 * warnings where a typed output does not fit the action's output schema: it is kept, since a test
 * may want exactly such an output, but the author is told.
 */
export async function pinNodeOutput(tenantId: string, workflowId: string, nodeId: string, request: PinRequest | null, pinnedBy: string, audit: AuditInTransaction) {
  const workflow = await findWorkflow(tenantId, workflowId);
  const node = pinnableNode(workflow.draft, nodeId, '/body/nodeId');
  if (request === null) return { pins: await updatePins(workflow.id, (pins) => withoutPin(pins, nodeId), audit), warnings: [] };
  const { output, source } = await resolvePin(tenantId, node, request);
  checkOutputBounds(output, request.kind === 'typed' ? '/body/source/output' : '/body/source');
  const pin: StoredPin = { output, source, pinnedAt: new Date().toISOString(), pinnedBy };
  const pins = await updatePins(workflow.id, (current) => ({ ...current, [nodeId]: pin }), audit);
  return { pins, warnings: request.kind === 'typed' ? fitWarnings(node, output) : [] };
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
  return { pins: await updatePins(workflow.id, (current) => ({ ...current, ...taken }), audit), warnings: [] };
}

async function resolvePin(tenantId: string, node: WorkflowNode, request: PinRequest): Promise<{ output: unknown; source: PinSource }> {
  switch (request.kind) {
    case 'typed':
      return { output: request.output, source: { kind: 'typed' } };
    case 'sample':
      return { output: await sampleOutputOf(tenantId, node), source: { kind: 'sample' } };
    case 'run': {
      const key = request.key ?? node.id;
      const step = await db().runStep.findFirst({ where: { runId: request.runId, key, run: { tenantId } }, select: { status: true, output: true } });
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

function withoutPin(pins: DraftPins, nodeId: string): DraftPins {
  return Object.fromEntries(Object.entries(pins).filter(([id]) => id !== nodeId));
}

/**
 * Changes the pins under a row lock, so two pins written at once both stay and the total stays
 * bounded; the call's audit entry commits with the change.
 */
async function updatePins(workflowId: string, change: (pins: DraftPins) => DraftPins, audit: AuditInTransaction): Promise<DraftPins> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ pins: unknown }>>`SELECT pins FROM workflows WHERE id = ${workflowId}::uuid FOR UPDATE`;
    const pins = change(pinsOf(row ?? { pins: {} }));
    const bytes = Buffer.byteLength(JSON.stringify(pins));
    if (bytes > PIN_LIMITS.totalBytes) throw tooLarge(`The draft's pins would hold ${bytes} bytes of JSON, more than ${PIN_LIMITS.totalBytes}: unpin other nodes first`, '/body');
    // Not through the model: pins are no edit of the draft, so the workflow's updatedAt stays.
    await tx.$executeRaw`UPDATE workflows SET pins = ${JSON.stringify(pins)}::jsonb WHERE id = ${workflowId}::uuid`;
    await audit(tx);
    return pins;
  });
}

/** The pinned outputs a scoped test starts with: those of the draft's current top-level nodes. */
export function pinnedOutputs(pins: DraftPins, draft: unknown): Record<string, unknown> {
  const present = new Set(topLevelNodesOf(draft).map((node) => node.id));
  return Object.fromEntries(Object.entries(pins).filter(([nodeId]) => present.has(nodeId)).map(([nodeId, pin]) => [nodeId, pin.output]));
}
