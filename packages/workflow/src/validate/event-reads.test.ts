import { describe, expect, it } from 'vitest';
import { eventFieldReads } from './event-reads';

const definition = {
  schemaVersion: 1,
  name: 'Chase',
  nodes: [
    { id: 'start', type: 'trigger', event: 'acme.invoice.overdue', filter: 'event.data.amount > 100' },
    { id: 'check', type: 'condition', expression: 'event.data.customer.tier = "gold" and event.data.amount > 5' },
    {
      id: 'paid',
      type: 'waitForEvent',
      event: 'acme.payment.applied',
      correlation: { event: 'event.data.invoiceId', run: 'event.data.invoiceId' },
      timeout: 'P3D',
    },
    {
      id: 'each',
      type: 'forEach',
      items: 'event.data.lines',
      concurrency: 1,
      body: {
        nodes: [{ id: 'note', type: 'action', action: 'core.log', input: { message: { $expr: 'item.sku & " " & steps.paid.output.data.reference' } } }],
        edges: [],
      },
    },
    { id: 'literal', type: 'action', action: 'core.log', input: { message: 'event.data.ignored' } },
    { id: 'done', type: 'end' },
  ],
  edges: [],
};

describe('eventFieldReads', () => {
  it('lists the trigger event’s payload fields read anywhere, filter and forEach bodies included', () => {
    expect(eventFieldReads(definition, 'acme.invoice.overdue')).toEqual([
      { nodeId: 'start', field: 'filter', path: 'amount' },
      { nodeId: 'check', field: 'expression', path: 'customer.tier' },
      { nodeId: 'check', field: 'expression', path: 'amount' },
      { nodeId: 'paid', field: 'correlation.run', path: 'invoiceId' },
      { nodeId: 'each', field: 'items', path: 'lines' },
    ]);
  });

  it('lists what a wait’s correlation reads of the awaited event, and what later steps read of the event it received', () => {
    expect(eventFieldReads(definition, 'acme.payment.applied')).toEqual([
      { nodeId: 'paid', field: 'correlation.event', path: 'invoiceId' },
      { nodeId: 'note', field: 'input.message', path: 'reference' },
    ]);
  });

  it('reads nothing of another type, of a literal, or of a definition that is not one', () => {
    expect(eventFieldReads(definition, 'acme.order.shipped')).toEqual([]);
    expect(eventFieldReads(null, 'acme.invoice.overdue')).toEqual([]);
    expect(eventFieldReads({ nodes: [{ id: 'x', type: 'condition', expression: 'event.data.(' }] }, 'acme.invoice.overdue')).toEqual([]);
  });
});
