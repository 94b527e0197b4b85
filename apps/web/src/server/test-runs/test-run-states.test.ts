import { randomUUID } from 'node:crypto';
import type { TestRun } from '@cascade/db';
import { describe, expect, it } from 'vitest';
import { nodeStates, type StoredTestStep } from './test-run-states';

// The derivation is pure over a test run's row: these rows are built here as the test worker writes them.

const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, second)).toISOString();

/** trigger → outer (forEach: check → (true) inner (forEach: notify) | (false) skip) → done */
const definition = {
  schemaVersion: 1,
  name: 'Nested',
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    {
      id: 'outer', type: 'forEach', items: '[1, 2]', concurrency: 1,
      body: {
        nodes: [
          { id: 'check', type: 'condition', expression: 'steps.outer.item > 1' },
          { id: 'inner', type: 'forEach', items: '[1, 2, 3]', concurrency: 1, body: { nodes: [{ id: 'notify', type: 'approval' }], edges: [{ id: 'i1', from: 'inner', to: 'notify', port: 'item' }] } },
          { id: 'skip', type: 'end' },
        ],
        edges: [
          { id: 'b1', from: 'outer', to: 'check', port: 'item' },
          { id: 'b2', from: 'check', to: 'inner', port: 'true' },
          { id: 'b3', from: 'check', to: 'skip', port: 'false' },
        ],
      },
    },
    { id: 'done', type: 'end' },
  ],
  edges: [{ id: 'e1', from: 'start', to: 'outer' }, { id: 'e2', from: 'outer', to: 'done', port: 'done' }],
};

function rowOf(status: TestRun['status'], steps: StoredTestStep[], error: TestRun['error'] = null): TestRun {
  return {
    id: randomUUID(), tenantId: randomUUID(), workflowId: randomUUID(), temporalWorkflowId: 'test', definition, event: {}, stubs: {}, scope: null,
    status, error, steps: Object.fromEntries(steps.map((step) => [step.key, step])) as unknown as TestRun['steps'], startedBy: 'tester', startedAt: new Date(at(0)), finishedAt: status === 'RUNNING' ? null : new Date(at(30)),
  };
}

const done = (key: string, second: number, output?: unknown): StoredTestStep => ({ key, nodeId: key.replace(/^.*\./, ''), status: 'COMPLETED', startedAt: at(second), finishedAt: at(second), ...(output === undefined ? {} : { output }) });
const states = (view: ReturnType<typeof nodeStates>) => Object.fromEntries(view.nodes.map((node) => [node.nodeId, [node.state, node.steps, node.iterations]]));

describe('a test run’s node states over nested forEach bodies', () => {
  it('sums a body node over the iterations of every body around it, waiting while one iteration waits', () => {
    const steps = [
      done('start', 0), done('outer[0].check', 1, false), done('outer[0].skip', 1),
      done('outer[1].check', 2, true), done('outer[1].inner[0].notify', 3, { outcome: 'approved' }),
      // The second inner iteration waits on its approval; the third has not started.
      { key: 'outer[1].inner[1].notify', nodeId: 'notify', status: 'RUNNING', startedAt: at(4) } satisfies StoredTestStep,
    ];
    const view = nodeStates(rowOf('RUNNING', steps), steps, new Date(at(10)));
    expect(states(view)).toEqual({
      start: ['completed', 1, null], outer: ['running', 0, 2], done: ['not-reached', 0, null],
      check: ['completed', 2, null], inner: ['running', 0, 2], skip: ['completed', 1, null], notify: ['waiting', 2, null],
    });
    expect(view.nodes.find((node) => node.nodeId === 'notify')?.inBodyOf).toBe('inner');
    // Both branches of the condition were taken, one per outer iteration.
    expect(view.takenEdges.sort()).toEqual(['b1', 'b2', 'b3', 'e1', 'i1']);
  });

  it('shows the body of a forEach over no items as skipped, and one the run never reached as not reached', () => {
    const empty = [done('start', 0), done('outer', 1, []), done('done', 2)];
    const view = nodeStates(rowOf('COMPLETED', empty), empty, new Date(at(10)));
    expect(states(view)).toMatchObject({ outer: ['completed', 1, 0], check: ['skipped', 0, null], inner: ['skipped', 0, 0], notify: ['skipped', 0, null] });
    expect(view.takenEdges.sort()).toEqual(['e1', 'e2']);
    const failed = [{ ...done('start', 0), status: 'FAILED' as const }];
    const unreached = nodeStates(rowOf('FAILED', failed, { node: 'start', message: 'no' }), failed, new Date(at(10)));
    expect(states(unreached)).toMatchObject({ outer: ['not-reached', 0, 0], check: ['not-reached', 0, null], notify: ['not-reached', 0, null] });
  });

  it('draws a loop of 10,000 iterations from its row in bounded time', () => {
    const steps: StoredTestStep[] = [done('start', 0), done('outer', 3, [])];
    for (let index = 0; index < 10_000; index++) steps.push(done(`outer[${index}].check`, 1, index % 2 === 0), done(`outer[${index}].${index % 2 === 0 ? 'inner' : 'skip'}`, 2, []));
    const started = performance.now();
    const view = nodeStates(rowOf('COMPLETED', steps), steps, new Date(at(10)));
    const took = performance.now() - started;
    console.log(`node states of a test run with ${steps.length} steps in ${took.toFixed(0)} ms`);
    expect(states(view)).toMatchObject({ outer: ['completed', 1, 10_000], check: ['completed', 10_000, null], skip: ['completed', 5_000, null] });
    expect(took).toBeLessThan(2_000);
  });
});
