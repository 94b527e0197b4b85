import { DEFAULT_PORT, ERROR_PORT } from '../definition/port-names';
import { defineNode, nodeSchema } from './define-node';

/** Runs every branch leaving its `next` port side by side: the one port that may fan out. */
export const parallel = defineNode({
  type: 'parallel',
  schema: nodeSchema('parallel', {}),
  ports: [DEFAULT_PORT, ERROR_PORT],
  outputFields: () => ({ fields: [], type: 'null', what: 'the output of a parallel' }),
  designer: {
    label: 'Parallel',
    hint: 'Runs branches side by side',
    summary: () => 'runs branches side by side',
    initialFields: () => ({}),
  },
});
