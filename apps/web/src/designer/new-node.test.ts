import { NODE_TYPES, nodeTypes, validateWorkflow } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { createBrowserCatalog } from './browser-catalog';
import { insertNodeOnEdge } from './edit';
import { loggingWorkflow } from './fixtures';
import { createNode, newNodePlace, newNodePosition, newWorkflowDefinition } from './new-node';
import { forEachWorkflow } from './fixtures';

const catalog = createBrowserCatalog({ customEvents: [] });

/** Types whose first field only the admin can choose: the validator asks for it. */
const AWAITING_A_CHOICE = ['action', 'emit', 'subWorkflow'];

describe('new nodes', () => {
  it.each(NODE_TYPES.filter((type) => !AWAITING_A_CHOICE.includes(type)))('a new %s node has the shape its schema requires', (type) => {
    const node = createNode(loggingWorkflow(), type, { x: 0, y: 0 });
    expect(nodeTypes[type].schema.safeParse(node).error?.issues ?? []).toEqual([]);
  });

  it('a new workflow is a trigger leading to an end, and valid as it is', () => {
    const definition = newWorkflowDefinition('Escalate breaches', 'TICKET_SLA_STAGE_BREACHED');
    expect(validateWorkflow(definition, catalog)).toMatchObject({ ok: true });
  });

  it('a forEach body starts valid, and a node added after it does not reuse its body ids', () => {
    let definition = newWorkflowDefinition('Per line', 'TICKET_SLA_STAGE_BREACHED');
    const forEach = createNode(definition, 'forEach', { x: 0, y: 0 });
    definition = insertNodeOnEdge(definition, 'e1', forEach);
    expect(definition.edges.map((edge) => `${edge.from}-${edge.port}->${edge.to}`)).toEqual(['trigger_1-next->forEach_1', 'forEach_1-done->end_1']);
    expect(validateWorkflow(definition, catalog)).toMatchObject({ ok: true });
    expect(createNode(definition, 'end', { x: 0, y: 0 }).id).toBe('end_3');
  });

  it('asks for the action to call rather than guessing one', () => {
    const definition = loggingWorkflow();
    definition.nodes[1] = { ...createNode(definition, 'action', { x: 0, y: 0 }), id: 'action_1' };
    const result = validateWorkflow(definition, catalog);
    expect(result.ok ? [] : result.problems.map((p) => [p.nodeId, p.field, p.message])).toContainEqual(['action_1', 'action', 'An action id is required']);
  });

  it('puts a new node a row below the selected (or else the lowest) node, moved right past any in the way', () => {
    const definition = loggingWorkflow();
    expect(newNodePosition(definition, undefined)).toEqual({ x: 0, y: 540 });
    expect(newNodePosition(definition, 'trigger_1')).toEqual({ x: 300, y: 180 });
    definition.nodes.push({ id: 'side', type: 'end', position: { x: 300, y: 200 } });
    expect(newNodePosition(definition, 'trigger_1')).toEqual({ x: 600, y: 180 });
    expect(newNodePosition({ ...definition, nodes: [] }, undefined)).toEqual({ x: 0, y: 0 });
  });
});

describe('placing a new node inside a body', () => {
  it('adds it to the body of the selected step, a row below that step; the forEach itself selected, below it outside', () => {
    const definition = forEachWorkflow();
    expect(newNodePlace(definition, 'logLine')).toEqual({ parent: 'lines', position: { x: 324, y: 198 + 180 } });
    expect(newNodePlace(definition, 'lines')).toEqual({ position: { x: 300, y: 360 } });
    expect(newNodePlace(definition, undefined)).toEqual({ position: { x: 0, y: 540 } });
  });
});
