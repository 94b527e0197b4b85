import { expression } from '../definition/fields';
import { ERROR_PORT } from '../definition/port-names';
import { defineNode, nodeSchema, text } from './define-node';
import { expressionField } from './node-expressions';

/** Branches by whether its expression is truthy. */
export const condition = defineNode({
  type: 'condition',
  schema: nodeSchema('condition', { expression }),
  ports: ['true', 'false', ERROR_PORT],
  requiredPorts: ['true', 'false'],
  expressions: (node) => expressionField('expression', node.expression),
  outputFields: () => ({ fields: [], type: 'boolean', what: 'the output of a condition' }),
  designer: {
    label: 'Condition',
    hint: 'Branches on true or false',
    examples: { expression: 'event.data.amountDue > 1000' },
    summary: (node) => text(node.expression) || 'no expression',
    initialFields: () => ({ expression: 'true' }),
  },
});
