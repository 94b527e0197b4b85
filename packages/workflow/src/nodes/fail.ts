import { expression } from '../definition/fields';
import { defineNode, nodeSchema, text } from './define-node';
import { expressionField } from './node-expressions';

/** Fails the run with a message; `error` ports do not catch it. */
export const fail = defineNode({
  type: 'fail',
  schema: nodeSchema('fail', { message: expression }),
  ports: [],
  expressions: (node) => expressionField('message', node.message),
  designer: {
    label: 'Fail',
    hint: 'Fails the run with a message',
    examples: { message: '"Gave up on " & event.data.invoiceId' },
    summary: (node) => text(node.message),
    initialFields: () => ({ message: '"The workflow failed"' }),
  },
});
