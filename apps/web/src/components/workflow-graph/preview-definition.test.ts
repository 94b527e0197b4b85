import { nodeSummary } from '@/designer/node-types';
import { describe, expect, it } from 'vitest';
import { previewDefinition } from './preview-definition';

const template = {
  schemaVersion: 1,
  name: 'Remind owners',
  nodes: [
    { id: 'start', type: 'trigger', event: { $param: 'eventType' } },
    { id: 'wait', type: 'delay', duration: { $param: 'after' } },
    { id: 'note', type: 'action', action: 'core.log', input: { message: { $param: 'message' } } },
    { id: 'done', type: 'end' },
  ],
  edges: [{ id: 'e1', from: 'start', to: 'wait' }, { id: 'e2', from: 'wait', to: 'note' }, { id: 'e3', from: 'note', to: 'done' }],
};

describe('a template definition as the read-only graph shows it', () => {
  it('reads each parameter reference as the parameter’s name on the cards', () => {
    const shown = previewDefinition(template, 'fallback');
    expect(shown.nodes.map(nodeSummary)).toEqual(['‹eventType›', 'for ‹after›', 'core.log', 'ends the branch']);
    expect(shown.nodes[2]).toMatchObject({ input: { message: '‹message›' } });
  });

  it('leaves the stored definition untouched', () => {
    previewDefinition(template, 'fallback');
    expect(template.nodes[0]).toEqual({ id: 'start', type: 'trigger', event: { $param: 'eventType' } });
  });

  it('draws what it can of a definition that is not one, without throwing', () => {
    expect(previewDefinition('not a definition', 'Fallback')).toMatchObject({ name: 'Fallback', nodes: [], edges: [] });
    expect(previewDefinition({ nodes: [{ type: 'end' }, { id: 'x', type: 'end' }] }, 'F').nodes.map((node) => node.id)).toEqual(['x']);
  });

  it('draws a definition nested too deep to substitute as it is, without overflowing the stack', () => {
    let deep: unknown = { $param: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { inner: deep };
    const shown = previewDefinition({ nodes: [{ id: 'a', type: 'action', input: deep }], edges: [] }, 'F');
    expect(shown.nodes.map((node) => node.id)).toEqual(['a']);
  });
});
