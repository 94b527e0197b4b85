import { businessHoursSchema, duration, expression } from '../definition/fields';
import { DEFAULT_PORT, ERROR_PORT } from '../definition/port-names';
import { field } from './output-field';
import { defineNode, nodeSchema, text } from './define-node';
import { expressionField } from './node-expressions';

/** Waits a duration (in business hours when it has a calendar) or until an instant. */
export const delay = defineNode({
  type: 'delay',
  schema: nodeSchema('delay', {
    duration: duration.optional(),
    until: expression.optional().describe('Expression giving the ISO 8601 instant to wait for'),
    calendar: businessHoursSchema.optional(),
  }).refine((node) => (node.duration === undefined) !== (node.until === undefined), {
    message: 'A delay has either a duration or an until expression',
    path: ['duration'],
  }),
  ports: [DEFAULT_PORT, ERROR_PORT],
  expressions: (node) => expressionField('until', node.until),
  outputFields: () => ({ fields: [field('until', 'string', 'The instant the delay waited for', { format: 'date-time' })], what: 'the output of a delay' }),
  designer: {
    label: 'Delay',
    hint: 'Waits for a duration or an instant',
    examples: { until: 'event.data.dueAt' },
    summary: (node) => (node.duration ? `for ${text(node.duration)}` : `until ${text(node.until) || '…'}`),
    initialFields: () => ({ duration: 'PT1H' }),
  },
});
