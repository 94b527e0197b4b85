import { describe, expect, it } from 'vitest';
import type { DraftDefinition } from './draft';
import { forEachWorkflow } from './fixtures';
import { BODY_HEADER, BODY_PADDING } from './group-geometry';
import { tidyLayout } from './layout';

/** A condition whose branches are listed (nodes and edges) in the opposite order to its ports. */
function branching(): DraftDefinition {
  return {
    schemaVersion: 1,
    name: 'Branches',
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', position: { x: 0, y: 0 } },
      { id: 'check', type: 'condition', expression: 'true', position: { x: 0, y: 0 } },
      { id: 'whenFalse', type: 'action', action: 'core.log', position: { x: 0, y: 0 } },
      { id: 'whenTrue', type: 'action', action: 'core.log', position: { x: 0, y: 0 } },
      { id: 'done', type: 'end', position: { x: 0, y: 0 } },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'check' },
      { id: 'e2', from: 'check', to: 'whenFalse', port: 'false' },
      { id: 'e3', from: 'check', to: 'whenTrue', port: 'true' },
      { id: 'e4', from: 'whenFalse', to: 'done' },
      { id: 'e5', from: 'whenTrue', to: 'done' },
    ],
  };
}

describe('tidying up', () => {
  it('lays the graph out top to bottom, each node below the one leading to it', async () => {
    const at = await tidyLayout(branching(), () => undefined);
    expect([...at.keys()].sort()).toEqual(['check', 'done', 'start', 'whenFalse', 'whenTrue']);
    expect(at.get('check')!.y).toBeGreaterThan(at.get('start')!.y);
    expect(at.get('whenTrue')!.y).toBeGreaterThan(at.get('check')!.y);
    expect(at.get('done')!.y).toBeGreaterThan(at.get('whenTrue')!.y);
  });

  it('keeps branches in port order, so they do not cross: true goes left of false', async () => {
    const at = await tidyLayout(branching(), () => undefined);
    expect(at.get('whenTrue')!.x).toBeLessThan(at.get('whenFalse')!.x);
  });

  it('follows a wait’s ports too (received, then timeout), with measured sizes', async () => {
    const definition: DraftDefinition = {
      schemaVersion: 1,
      name: 'Wait',
      nodes: [
        { id: 'wait', type: 'waitForEvent', event: 'X' },
        { id: 'late', type: 'end' },
        { id: 'paid', type: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'wait', to: 'late', port: 'timeout' },
        { id: 'e2', from: 'wait', to: 'paid', port: 'received' },
      ],
    };
    const at = await tidyLayout(definition, () => ({ width: 240, height: 100 }));
    expect(at.get('paid')!.x).toBeLessThan(at.get('late')!.x);
  });
});

describe('tidying up a body', () => {
  it('lays a body out inside its group, below the group\'s card, and sizes the group around it', async () => {
    const definition = forEachWorkflow();
    definition.edges.push({ id: 'e3', from: 'end_1', to: 'lines' });
    const at = await tidyLayout(definition, () => undefined);
    // The body's box starts where the group leaves room for steps, under its card.
    expect(Math.min(at.get('logLine')!.x, at.get('lineDone')!.x)).toBe(BODY_PADDING);
    expect(at.get('logLine')!.y).toBe(BODY_HEADER + BODY_PADDING);
    expect(at.get('lineDone')!.y).toBeGreaterThan(at.get('logLine')!.y);
    expect(at.get('lines')!.y).toBeGreaterThan(at.get('end_1')!.y);
  });

  it('leaves the steps of a folded body where they are', async () => {
    const at = await tidyLayout(forEachWorkflow(), () => undefined, new Set(['lines']));
    expect(at.has('logLine')).toBe(false);
    expect(at.has('lines')).toBe(true);
  });
});
