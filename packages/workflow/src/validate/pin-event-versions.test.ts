import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../definition/workflow';
import { testCatalog } from './fixtures';
import { pinEventVersions } from './pin-event-versions';

const emit = (id: string, version?: number) => ({ id, type: 'emit' as const, event: 'TASK_COMPLETED', ...(version ? { version } : {}), data: {} });

describe('pinEventVersions', () => {
  it('pins emit nodes that name no version to the latest, in forEach bodies too, and keeps named versions', () => {
    const definition: WorkflowDefinition = {
      schemaVersion: 1,
      name: 'Pins',
      nodes: [
        { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
        emit('latest'),
        emit('old', 1),
        { id: 'each', type: 'forEach', items: '[1]', concurrency: 1, body: { nodes: [emit('inner')], edges: [] } },
      ],
      edges: [],
    };
    const pinned = pinEventVersions(definition, testCatalog);
    const inner = pinned.nodes[3]!.type === 'forEach' ? pinned.nodes[3]!.body.nodes[0] : undefined;
    expect(pinned.nodes.slice(1, 3)).toMatchObject([{ id: 'latest', version: 2 }, { id: 'old', version: 1 }]);
    expect(inner).toMatchObject({ id: 'inner', version: 2 });
    // The definition given is left as it was.
    expect(definition.nodes[1]).not.toHaveProperty('version');
  });
});
