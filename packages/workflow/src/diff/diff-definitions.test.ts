import { describe, expect, it } from 'vitest';
import { diffDefinitions } from './diff-definitions';
import { MAX_DIFF_DEPTH } from './value-changes';

const base = {
  schemaVersion: 1,
  name: 'Escalate breaches',
  nodes: [
    { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', position: { x: 0, y: 0 } },
    { id: 'notify', type: 'action', action: 'notify.email', input: { to: 'ops@example.com', subject: { $expr: '"Breach " & event.data.ticketId' } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'notify' },
    { id: 'e2', from: 'notify', to: 'done' },
  ],
};

const edit = (change: (definition: typeof base) => unknown) => change(structuredClone(base));

describe('diffDefinitions', () => {
  it('finds nothing between a definition and its copy, whatever the edge ids and node positions', () => {
    const copy = edit((d) => ({
      ...d,
      nodes: d.nodes.map((node) => ({ ...node, position: { x: 100, y: 100 } })),
      edges: d.edges.map((edge) => ({ ...edge, id: `renamed-${edge.id}` })),
    }));
    const diff = diffDefinitions(base, copy);
    expect(diff.identical).toBe(true);
    expect(diff.nodes).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.edges).toEqual({ added: [], removed: [] });
    expect(diff.trigger).toBeNull();
  });

  it('reports moves only when asked', () => {
    const moved = edit((d) => ({ ...d, nodes: d.nodes.map((node) => (node.id === 'start' ? { ...node, position: { x: 5, y: 0 } } : node)) }));
    expect(diffDefinitions(base, moved, { includePositions: true }).nodes.changed).toEqual([
      { id: 'start', type: 'trigger', fields: [{ path: '/position/x', before: 0, after: 5 }] },
    ]);
  });

  it('names nodes added and removed, edges rewired, and each changed field with its path, before and after', () => {
    const after = {
      ...base,
      nodes: [
        base.nodes[0],
        { id: 'notify', type: 'action', action: 'notify.email', label: 'Tell ops', input: { to: 'oncall@example.com', subject: { $expr: '"SLA " & event.data.ticketId' } } },
        { id: 'wait', type: 'delay', duration: 'PT1H' },
      ],
      edges: [
        { id: 'x1', from: 'start', to: 'notify' },
        { id: 'x2', from: 'notify', to: 'wait' },
      ],
    };
    const diff = diffDefinitions(base, after);
    expect(diff.identical).toBe(false);
    expect(diff.nodes.added).toEqual([{ id: 'wait', type: 'delay' }]);
    expect(diff.nodes.removed).toEqual([{ id: 'done', type: 'end' }]);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'notify',
        type: 'action',
        label: 'Tell ops',
        fields: [
          { path: '/input/subject', before: { $expr: '"Breach " & event.data.ticketId' }, after: { $expr: '"SLA " & event.data.ticketId' } },
          { path: '/input/to', before: 'ops@example.com', after: 'oncall@example.com' },
          { path: '/label', after: 'Tell ops' },
        ],
      },
    ]);
    expect(diff.edges).toEqual({ added: [{ from: 'notify', to: 'wait', port: 'next' }], removed: [{ from: 'notify', to: 'done', port: 'next' }] });
  });

  it('reports a change of trigger event or filter, and a node that changed type', () => {
    const after = edit((d) => ({
      ...d,
      nodes: [{ ...d.nodes[0], event: 'INVOICE_OVERDUE', filter: 'event.data.amount > 100' }, d.nodes[1], { id: 'done', type: 'fail', message: '"stop"' }],
    }));
    const diff = diffDefinitions(base, after);
    expect(diff.trigger).toEqual({
      before: { nodeId: 'start', event: 'TICKET_SLA_STAGE_BREACHED' },
      after: { nodeId: 'start', event: 'INVOICE_OVERDUE', filter: 'event.data.amount > 100' },
    });
    expect(diff.nodes.changed.find((node) => node.id === 'done')).toEqual({ id: 'done', type: 'fail', typeBefore: 'end', fields: [{ path: '/message', after: '"stop"' }] });
  });

  it('diffs a forEach body as nodes of their own, and top-level fields apart', () => {
    const withLoop = (inner: Record<string, unknown>, description?: string) => ({
      ...base,
      ...(description ? { description } : {}),
      nodes: [
        ...base.nodes,
        { id: 'each', type: 'forEach', items: 'event.data.lines', concurrency: 1, body: { nodes: [{ id: 'line', type: 'action', action: 'x', input: inner }], edges: [] } },
      ],
    });
    const diff = diffDefinitions(withLoop({ a: 1 }), withLoop({ a: 2 }, 'Now documented'));
    expect(diff.nodes.changed).toEqual([{ id: 'line', type: 'action', parent: 'each', fields: [{ path: '/input/a', before: 1, after: 2 }] }]);
    expect(diff.definition).toEqual([{ path: '/description', after: 'Now documented' }]);
  });

  it('takes parameter references as values and tolerates drafts that are not definitions', () => {
    const template = edit((d) => ({ ...d, nodes: [d.nodes[0], { ...d.nodes[1], input: { to: { $param: 'team' } } }] }));
    const diff = diffDefinitions(base, template);
    expect(diff.nodes.changed[0]?.fields).toContainEqual({ path: '/input/to', before: 'ops@example.com', after: { $param: 'team' } });
    expect(diffDefinitions(null, { nodes: 'no', edges: [{ from: 1 }] })).toMatchObject({ identical: true });
    expect(diffDefinitions({}, base).nodes.added.map((node) => node.id)).toEqual(['start', 'notify', 'done']);
  });

  it('survives a hostile nesting: the deep value is one changed field, not a stack overflow', () => {
    const deep = (levels: number, leaf: unknown) => {
      let value: unknown = leaf;
      for (let level = 0; level < levels; level++) value = { nested: value };
      return value;
    };
    const withInput = (input: unknown) => ({ ...base, nodes: [{ id: 'notify', type: 'action', input }] });
    const started = performance.now();
    const diff = diffDefinitions(withInput(deep(200_000, 1)), withInput(deep(200_000, 2)));
    const elapsed = performance.now() - started;
    console.log(`diff of two 200,000-level values: ${elapsed.toFixed(0)} ms`);
    const [change] = diff.nodes.changed[0]!.fields;
    expect(change!.path.split('/').length - 1).toBe(MAX_DIFF_DEPTH);
    expect(elapsed).toBeLessThan(5_000);
  });
});
