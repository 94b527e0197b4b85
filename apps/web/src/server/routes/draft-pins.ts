import 'server-only';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { pinBodyItem, pinNodeOutput, pinnedOf, pinRunOutputs, PIN_LIMITS } from '../test-runs/draft-pins';
import { findWorkflow } from './workflows';

const workflowParams = z.object({ id: z.uuid() });
const nodeId = z.string().min(1).max(200);

const PinSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('typed') }),
  z.object({ kind: z.literal('sample') }).describe('Generated from the action’s output schema'),
  z.object({ kind: z.literal('run'), runId: z.uuid(), key: z.string() }).describe('Copied from a past run’s recorded step'),
]);

const Pin = z
  .object({ output: z.unknown(), source: PinSource, pinnedAt: z.iso.datetime(), pinnedBy: z.string() })
  .meta({ id: 'DraftPin' });

const PinnedItem = z
  .object({
    value: z.unknown().describe('The item, as `steps.<node>.item` shows it inside the body'),
    index: z.number().int().describe('Its position, as `steps.<node>.index`'),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('typed') }),
      z.object({ kind: z.literal('run'), runId: z.uuid(), key: z.string() }).describe('The iteration a body step pinned from a past run ran in'),
    ]),
    pinnedAt: z.iso.datetime(),
    pinnedBy: z.string(),
  })
  .meta({ id: 'DraftPinnedItem' });

const DraftPins = z
  .object({
    pins: z.record(z.string(), Pin).describe('By node id: the output a scoped test uses as `steps.<node>.output` for a node it does not run'),
    items: z
      .record(z.string(), PinnedItem)
      .describe('By the id of a node holding a body (a forEach): the item and index a test of one of its body nodes runs with; without one, a value generated from the items’ schema'),
    warnings: z.array(z.object({ path: z.string(), message: z.string() })).describe('Where a typed output does not fit the action’s output schema; it is pinned all the same'),
  })
  .meta({ id: 'DraftPins' });

const PinRequest = z.union([
  z.strictObject({ kind: z.literal('typed'), output: z.unknown().refine((value) => value !== undefined, 'Give the output, as JSON').describe('The output, as JSON') }),
  z.strictObject({ kind: z.literal('sample') }),
  z.strictObject({ kind: z.literal('run'), runId: z.uuid(), key: nodeId.optional().describe('The step’s key in that run; defaults to the node id') }),
]);

const PinChange = z
  .union([
    z.strictObject({ nodeId: nodeId.describe('A node of the draft, inside a body or not, but not the trigger'), source: PinRequest.nullable().describe('Where the pinned output comes from; null unpins the node') }),
    z.strictObject({
      nodeId: nodeId.describe('A node of the draft that holds a body (a forEach)'),
      item: z
        .strictObject({
          value: z.unknown().refine((value) => value !== undefined, 'Give the item, as JSON').describe('The item, as JSON'),
          index: z.number().int().min(0).max(1_000_000).default(0).describe('Its position in the items'),
        })
        .nullable()
        .describe('The item a test of a node inside the body runs with; null unpins it'),
    }),
    z.strictObject({ fromRunId: z.uuid().describe('Pins the output of every node of the draft that completed in this past run') }),
  ])
  .meta({ id: 'DraftPinChange' });

export const getDraftPins = defineRoute({
  method: 'GET',
  path: '/api/v1/workflows/{id}/pins',
  operationId: 'getDraftPins',
  summary: 'The draft’s pinned data: per node, the output a test of one node, or from a node, uses for it',
  tags: ['Test runs'],
  scope: 'workflows:read',
  params: workflowParams,
  response: { status: 200, description: 'The pins, by node id', schema: DraftPins },
  errors: { 404: 'No such workflow in the caller’s tenant' },
  async handle({ params, principal }) {
    return { ...pinnedOf(await findWorkflow(principal.tenantId, params.id)), warnings: [] };
  },
});

export const pinDraftData = defineRoute({
  method: 'PUT',
  path: '/api/v1/workflows/{id}/pins',
  operationId: 'pinDraftData',
  summary: 'Pin a node’s output (typed, its action’s sample, or a past run’s step), unpin it, pin the item a body’s nodes are tested with, or pin every output of a past run; pins stay with the draft and are never published',
  tags: ['Test runs'],
  scope: 'workflows:write',
  params: workflowParams,
  body: PinChange,
  maxBodyBytes: PIN_LIMITS.outputBytes + 16 * 1024,
  audit: { summary: (body) => ('fromRunId' in body ? { fromRunId: body.fromRunId } : 'item' in body ? { nodeId: body.nodeId, item: body.item === null ? null : 'typed' } : { nodeId: body.nodeId, source: body.source?.kind ?? null }) },
  response: { status: 200, description: 'The draft’s pins after the change', schema: DraftPins },
  errors: {
    404: 'No such workflow in the caller’s tenant',
    413: `The pinned output is larger than ${PIN_LIMITS.outputBytes} bytes, or the draft’s pins together would exceed ${PIN_LIMITS.totalBytes}`,
    422: `The node is not a node of the draft (or is its trigger, or for an item holds no body), the output or item nests deeper than ${PIN_LIMITS.depth} levels, the run or step is not this tenant’s or did not complete, or a sample is asked of a node that is not an action`,
  },
  async handle({ params, body, principal, audit }) {
    if ('fromRunId' in body) return pinRunOutputs(principal.tenantId, params.id, body.fromRunId, principal.id, audit);
    if ('item' in body) return pinBodyItem(principal.tenantId, params.id, body.nodeId, body.item, principal.id, audit);
    return pinNodeOutput(principal.tenantId, params.id, body.nodeId, body.source, principal.id, audit);
  },
});
