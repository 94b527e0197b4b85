import { z } from 'zod';
import { DEFAULT_PORT, ERROR_PORT } from '../definition/port-names';
import { defineNode, nodeSchema } from './define-node';

/** Waits for all the branches that can still reach it, or goes on with the first (`any`). */
export const join = defineNode({
  type: 'join',
  schema: nodeSchema('join', { mode: z.enum(['all', 'any']) }),
  ports: [DEFAULT_PORT, ERROR_PORT],
  outputFields: () => ({ fields: [], type: 'null', what: 'the output of a join' }),
  designer: {
    label: 'Join',
    hint: 'Waits for parallel branches',
    summary: (node) => `waits for ${node.mode === 'any' ? 'any branch' : 'all branches'}`,
    initialFields: () => ({ mode: 'all' }),
  },
});

/** Whether a node waits for every branch that reaches it before it runs. */
export function waitsForAllBranches(node: { type: string; mode?: unknown } | undefined): boolean {
  return node?.type === 'join' && node.mode === 'all';
}
