import { defineNode, nodeSchema } from './define-node';

/** Ends its branch; an edge leaving it would mean nothing. */
export const end = defineNode({
  type: 'end',
  schema: nodeSchema('end', {}),
  ports: [],
  designer: {
    label: 'End',
    hint: 'Ends the branch',
    summary: () => 'ends the branch',
    initialFields: () => ({}),
  },
});
