import { z } from 'zod';
import { expression } from '../definition/fields';
import { BODY_PORT, ERROR_PORT } from '../definition/port-names';
import { field } from './output-field';
import { defineNode, nodeSchema, text } from './define-node';
import { expressionField } from './node-expressions';

const forEachFields = {
  items: expression,
  concurrency: z.number().int().min(1).max(100),
};

/**
 * A forEach with its body parsed by `body`: the definition schema passes the sub-flow schema; the
 * registry's own schema leaves the body raw, so the validator can parse its nodes one by one and
 * address each problem by the body node's own id.
 */
export function forEachNodeSchema<Body extends z.ZodType>(body: Body) {
  return nodeSchema('forEach', { ...forEachFields, body });
}

const bodySize = (body: unknown) =>
  typeof body === 'object' && body !== null && Array.isArray((body as { nodes?: unknown }).nodes) ? (body as { nodes: unknown[] }).nodes.length : 0;

const bodyNodeIds = (body: { nodes: unknown[] }): string[] =>
  body.nodes.flatMap((node) => (typeof node === 'object' && node !== null && typeof (node as { id?: unknown }).id === 'string' ? [(node as { id: string }).id] : []));

/** Runs its body, a sub-flow entered by the `item` port, once per item, `concurrency` at a time. */
export const forEach = defineNode({
  type: 'forEach',
  schema: forEachNodeSchema(z.strictObject({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) })),
  ports: [BODY_PORT, 'done', ERROR_PORT],
  requiredPorts: [BODY_PORT],
  body: { port: BODY_PORT },
  expressions: (node) => expressionField('items', node.items),
  // One entry per item: each body node's output in that iteration, by node id.
  outputFields: (node) => ({
    fields: bodyNodeIds(node.body).map((id) => field(id, 'unknown', `What ${id} produced, per item`, { optional: true })),
    type: 'array',
    what: 'the output of a forEach',
  }),
  designer: {
    label: 'For each',
    hint: 'Repeats a body per item',
    examples: { items: 'event.data.lines' },
    summary: (node) => `each of ${text(node.items) || '…'} · body of ${bodySize(node.body)} node(s)`,
    initialFields: ({ id, nextId }) => {
      // A body must lead somewhere from its item port; an end node is the smallest body that does.
      const bodyEnd = nextId('end');
      return {
        items: 'event.data',
        concurrency: 1,
        body: { nodes: [{ id: bodyEnd, type: 'end' }], edges: [{ id: `${id}_item`, from: id, to: bodyEnd, port: BODY_PORT }] },
      };
    },
  },
});
