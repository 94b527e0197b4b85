import { diffDefinitions } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import type { DraftDefinition } from '@/designer/draft';
import { diffOverlay } from './diff-overlay';

const trigger = { id: 'start', type: 'trigger', event: { type: 'INVOICE_OVERDUE' }, position: { x: 0, y: 0 } };
const before: DraftDefinition = {
  schemaVersion: 1,
  name: 'Chase invoices',
  nodes: [
    trigger,
    { id: 'check', type: 'condition', expression: 'event.data.amount > 100', position: { x: 0, y: 120 } },
    { id: 'notify', type: 'emit', event: { type: 'NOTIFICATION_SENT' }, data: {}, position: { x: 0, y: 240 } },
    { id: 'loop', type: 'forEach', items: 'event.data.lines', body: { nodes: [{ id: 'line', type: 'end' }], edges: [] }, position: { x: 200, y: 120 } },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'check' },
    { id: 'e2', from: 'check', to: 'notify', port: 'true' },
    { id: 'e3', from: 'start', to: 'loop' },
  ],
};
const after: DraftDefinition = {
  ...before,
  nodes: [
    trigger,
    { id: 'check', type: 'condition', expression: 'event.data.amount > 500', position: { x: 0, y: 120 } },
    { id: 'escalate', type: 'emit', event: { type: 'TICKET_ESCALATED' }, data: {}, position: { x: 0, y: 240 } },
    { id: 'loop', type: 'forEach', items: 'event.data.lines', body: { nodes: [{ id: 'line', type: 'end' }, { id: 'extra', type: 'end' }], edges: [] }, position: { x: 200, y: 120 } },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'check' },
    { id: 'e2', from: 'check', to: 'escalate', port: 'true' },
    { id: 'e3', from: 'start', to: 'loop' },
  ],
};

describe('diffOverlay', () => {
  const overlay = diffOverlay(before, after, diffDefinitions(before, after));

  it('marks what the newer version added and changed, and puts back what it removed', () => {
    expect(Object.fromEntries([...overlay.decorations].map(([id, d]) => [id, d.state]))).toEqual({
      escalate: 'added',
      notify: 'removed',
      check: 'changed',
      loop: 'changed',
    });
    expect(overlay.decorations.get('check')?.caption).toBe('changed · 1 field');
    expect(overlay.decorations.get('loop')?.caption).toBe('changed · its body');
    expect(overlay.definition.nodes.map((n) => n.id)).toEqual(['start', 'check', 'escalate', 'loop', 'notify']);
    expect(overlay.decorations.has('start')).toBe(false);
  });

  it('marks connections by what they connect, giving a removed one an id of its own', () => {
    expect(Object.fromEntries(overlay.edgeMarks)).toEqual({ e2: 'added', 'removed:e2': 'removed' });
    expect(overlay.definition.edges.find((e) => e.id === 'removed:e2')).toMatchObject({ from: 'check', to: 'notify' });
  });

  it('marks nothing when the versions are the same', () => {
    const same = diffOverlay(before, before, diffDefinitions(before, before));
    expect(same.decorations.size).toBe(0);
    expect(same.edgeMarks.size).toBe(0);
    expect(same.definition.nodes).toHaveLength(before.nodes.length);
  });
});
