import type { NodeType } from '@cascade/workflow';
import { defaultPosition, ROW_HEIGHT, triggerEventOf, type DraftDefinition, type DraftNode, type Position } from './draft';
import { nextNodeId } from './ids';

/**
 * The fields a node of each type starts with: valid where a neutral choice exists (a one-hour
 * delay, a condition that is true), left empty where only the admin can choose (which action,
 * which event to emit), so the validator asks for exactly those.
 */
function initialFields(type: NodeType, id: string, definition: DraftDefinition): Record<string, unknown> {
  const triggerEvent = triggerEventOf(definition) ?? '';
  switch (type) {
    case 'trigger':
      return { event: triggerEvent };
    case 'action':
      return { action: '', input: {} };
    case 'condition':
      return { expression: 'true' };
    case 'switch':
      return { cases: [{ port: 'case_1', expression: 'true' }] };
    case 'parallel':
    case 'end':
      return {};
    case 'join':
      return { mode: 'all' };
    case 'forEach': {
      // A body must lead somewhere from its item port; an end node is the smallest body that does.
      const bodyEnd = nextNodeId({ ...definition, nodes: [...definition.nodes, { id, type }] }, 'end');
      return {
        items: 'event.data',
        concurrency: 1,
        body: { nodes: [{ id: bodyEnd, type: 'end' }], edges: [{ id: `${id}_item`, from: id, to: bodyEnd, port: 'item' }] },
      };
    }
    case 'delay':
      return { duration: 'PT1H' };
    case 'waitForEvent':
      return { event: triggerEvent, correlation: { event: 'event.correlationId', run: 'event.correlationId' }, timeout: 'P1D' };
    case 'approval':
      return { title: 'Approve?', assignees: ['admins'], timeout: 'P3D' };
    case 'emit':
      return { event: '', data: {} };
    case 'setVariables':
      return { assign: {} };
    case 'subWorkflow':
      return { workflow: '', version: 1, input: {} };
    case 'fail':
      return { message: '"The workflow failed"' };
  }
}

/** A new node of `type` with an id no node uses, at `position`. */
export function createNode(definition: DraftDefinition, type: NodeType, position: Position): DraftNode {
  const id = nextNodeId(definition, type);
  return { id, type, position, ...initialFields(type, id, definition) };
}

/** What "New workflow" stores: the trigger on `event` leading straight to an end. */
export function newWorkflowDefinition(name: string, event: string): DraftDefinition {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'trigger_1', type: 'trigger', event, position: { x: 0, y: 0 } },
      { id: 'end_1', type: 'end', position: { x: 0, y: 240 } },
    ],
    edges: [{ id: 'e1', from: 'trigger_1', to: 'end_1', port: 'next' }],
  };
}

/**
 * Where the palette puts a new node: in the column of the selected node (or the first column),
 * a row below the lowest node, so it never lands on top of one.
 */
export function newNodePosition(definition: DraftDefinition, selectedId: string | undefined): Position {
  const placed = definition.nodes.map((node, index) => node.position ?? defaultPosition(index));
  const anchor = definition.nodes.find((node) => node.id === selectedId)?.position;
  const lowest = placed.reduce((y, position) => Math.max(y, position.y), -ROW_HEIGHT);
  return { x: anchor?.x ?? placed[0]?.x ?? 0, y: lowest + ROW_HEIGHT };
}
