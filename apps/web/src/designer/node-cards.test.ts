import { NODE_TYPES, nodeTypes } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { CARD_FACTS, cardFacts, mappingText, nodeCardOf } from './node-cards';
import { createNode } from './new-node';
import { loggingWorkflow } from './fixtures';

const factsOf = (node: Record<string, unknown>) => cardFacts({ id: 'n', type: 'x', ...node }).map((fact) => `${fact.label}: ${fact.value}`);

describe('node cards', () => {
  it('has a card for every node type of the registry, with at most its number of lines, new or hostile', () => {
    for (const type of NODE_TYPES) {
      const node = createNode(loggingWorkflow(), type, { x: 0, y: 0 });
      expect(cardFacts(node).length, type).toBeGreaterThan(0);
      expect(cardFacts(node).length, type).toBeLessThanOrEqual(CARD_FACTS);
      // Fields of the wrong shape (a draft is any JSON) still give a card, never a throw.
      const hostile = Object.fromEntries(Object.keys(node).filter((key) => key !== 'id' && key !== 'type').map((key) => [key, 42]));
      expect(() => cardFacts({ ...node, ...hostile, cases: 'x', correlation: 7, body: null }), type).not.toThrow();
      expect(nodeCardOf(type).mark.length, type).toBeGreaterThan(0);
    }
    expect(Object.keys(nodeTypes)).toEqual(NODE_TYPES);
  });

  it('shows each type’s essentials: trigger event and filter, action and key inputs, wait and approval in full', () => {
    expect(factsOf({ type: 'trigger', event: 'INVOICE_OVERDUE', filter: 'event.data.amount > 10' })).toEqual(['Event: INVOICE_OVERDUE', 'Filter: event.data.amount > 10']);
    expect(factsOf({ type: 'trigger', event: '' })).toEqual(['Event: none chosen', 'Filter: every event']);
    expect(factsOf({ type: 'action', action: 'core.log', input: { message: { $expr: 'event.data.id' }, level: 'info' } })).toEqual([
      'Action: core.log',
      'message: event.data.id',
      'level: "info"',
    ]);
    expect(factsOf({ type: 'waitForEvent', event: 'PAID', correlation: { event: 'event.data.id', run: 'event.data.id' }, timeout: 'P1D' })).toEqual([
      'Event: PAID',
      'Match: event.data.id = event.data.id',
      'Timeout: 1 day',
    ]);
    expect(factsOf({ type: 'approval', title: 'Refund?', assignees: ['admins', { $expr: 'event.data.owner' }], timeout: 'P3D' })).toEqual([
      'Title: Refund?',
      'Assignees: admins, event.data.owner',
      'Timeout: 3 days',
    ]);
    expect(factsOf({ type: 'delay', duration: 'PT1H', calendar: { timeZone: 'Europe/Berlin', days: ['mon', 'tue', 'fri'], from: '09:00', to: '17:00' } })).toEqual([
      'For: 1 hour',
      'Calendar: mon–fri 09:00–17:00 Europe/Berlin',
    ]);
    expect(factsOf({ type: 'delay', until: 'event.data.dueAt' })).toEqual(['Until: event.data.dueAt']);
    expect(factsOf({ type: 'switch', cases: [{ port: 'p1', expression: 'a' }, { port: 'p2', expression: 'b' }, { port: 'p3', expression: 'c' }, { port: 'p4', expression: 'd' }] })).toEqual([
      'p1: a',
      'p2: b',
      ': and 2 more',
    ]);
    expect(factsOf({ type: 'emit', event: 'DONE', version: 2, data: {} })).toEqual(['Event: DONE v2', 'Input: no payload mapped']);
    expect(factsOf({ type: 'forEach', items: 'event.data.lines', concurrency: 4, body: { nodes: [{}, {}] } })).toEqual(['Items: event.data.lines', 'Body: 2 node(s), 4 at a time']);
    expect(factsOf({ type: 'made-up' })).toEqual(['Type: unknown type "made-up"']);
  });

  it('writes mapping values as written: expressions bare, literals as JSON', () => {
    expect(mappingText({ $expr: 'a & b' })).toBe('a & b');
    expect(mappingText('text')).toBe('"text"');
    expect(mappingText({ nested: 1 })).toBe('{"nested":1}');
    expect(mappingText(undefined)).toBe('');
  });
});
