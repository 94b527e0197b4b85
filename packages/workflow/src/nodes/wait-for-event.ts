import { z } from 'zod';
import { duration, eventType, expression } from '../definition/fields';
import { ERROR_PORT } from '../definition/port-names';
import { eventFieldList } from '../expressions/context-fields';
import { defineNode, nodeSchema, text } from './define-node';
import { expressionField } from './node-expressions';

/** Waits for an event whose correlation matches the run's, or takes `timeout`. */
export const waitForEvent = defineNode({
  type: 'waitForEvent',
  schema: nodeSchema('waitForEvent', {
    event: eventType,
    /** `correlation.event` on the awaited event must equal `correlation.run` on this run. */
    correlation: z.strictObject({ event: expression, run: expression }),
    filter: expression.optional(),
    timeout: duration,
  }),
  ports: ['received', 'timeout', ERROR_PORT],
  requiredPorts: ['received'],
  expressions: (node) => [
    ...expressionField('correlation.event', node.correlation.event, node.event),
    ...expressionField('correlation.run', node.correlation.run),
    ...expressionField('filter', node.filter, node.event),
  ],
  checkCatalog: (node, { catalog, unknownEvent }) => (catalog.getEvent(node.event) ? [] : [unknownEvent(node.event)]),
  // The awaited event, envelope and payload; null after a timeout.
  outputFields: (node, catalog) => {
    const payload = catalog.getEvent(node.event)?.fields;
    return payload && { fields: eventFieldList(payload), what: `the ${node.event} event` };
  },
  designer: {
    label: 'Wait for event',
    hint: 'Waits for a correlated event',
    examples: { 'correlation.event': 'event.data.invoiceId', 'correlation.run': 'event.data.invoiceId', filter: 'event.data.status = "PAID"' },
    ownTimeout: 'Leads to the timeout port when no matching event arrives within this time.',
    summary: (node) => `${text(node.event) || 'no event chosen'} within ${text(node.timeout) || '…'}`,
    initialFields: ({ triggerEvent }) => ({ event: triggerEvent, correlation: { event: 'event.correlationId', run: 'event.correlationId' }, timeout: 'P1D' }),
  },
});
