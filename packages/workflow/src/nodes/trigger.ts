import { eventType, expression } from '../definition/fields';
import { defineNode, nodeSchema, text } from './define-node';
import { expressionField } from './node-expressions';

/** The event that starts a run, and the filter an event must pass to start one. */
export const trigger = defineNode({
  type: 'trigger',
  schema: nodeSchema('trigger', { event: eventType, filter: expression.optional() }),
  // A trigger runs nothing in the run, so it cannot fail and has no error port.
  ports: ['next'],
  requiredPorts: ['next'],
  expressions: (node) => expressionField('filter', node.filter, node.event),
  checkCatalog: (node, { catalog, unknownEvent }) => (catalog.getEvent(node.event) ? [] : [unknownEvent(node.event)]),
  designer: {
    label: 'Trigger',
    hint: 'The event that starts the workflow',
    examples: { filter: 'event.data.severity = "HIGH"' },
    summary: (node) => `${text(node.event) || 'no event chosen'}${node.filter ? ` if ${text(node.filter)}` : ''}`,
    initialFields: ({ triggerEvent }) => ({ event: triggerEvent }),
  },
});
