import { describe, expect, it } from 'vitest';
import type { DraftDefinition, Position } from './draft';
import { moveNodes } from './edit';
import { forEachWorkflow } from './fixtures';
import { growGroupsAroundDrag } from './group-drag';
import { createFlowCache, type WorkflowFlowNode } from './to-flow';

/** The canvas's nodes mid-drag: the derived nodes with the dragged ones where the pointer has them. */
const dragging = (nodes: readonly WorkflowFlowNode[], moves: ReadonlyMap<string, Position>) =>
  nodes.map((node) => (moves.has(node.id) ? { ...node, position: moves.get(node.id)! } : node));
const byId = (nodes: readonly WorkflowFlowNode[], id: string) => nodes.find((node) => node.id === id)!;
const box = (node: WorkflowFlowNode) => ({ width: node.width, height: node.height, measured: node.measured });

/** A forEach whose body holds another forEach whose body holds one step. */
function nestedWorkflow(): DraftDefinition {
  const definition = forEachWorkflow();
  const body = definition.nodes.at(-1)!.body as { nodes: unknown[] };
  body.nodes.push({
    id: 'parts', type: 'forEach', items: 'steps.lines.item.parts', concurrency: 1, position: { x: 300, y: 198 },
    body: { nodes: [{ id: 'logPart', type: 'action', action: 'core.log', position: { x: 24, y: 136 } }], edges: [] },
  });
  return definition;
}

describe('a group while a step of its body is dragged', () => {
  it('grows around the step as it goes, to the very size the drop then commits', () => {
    const definition = forEachWorkflow();
    const nodes = createFlowCache().nodes(definition);
    const moves = new Map([['logLine', { x: 700, y: 900 }]]);
    const during = dragging(nodes, moves);
    const grown = growGroupsAroundDrag(during, moves);
    const dropped = createFlowCache().nodes(moveNodes(definition, moves));
    expect(box(byId(grown, 'lines'))).toEqual(box(byId(dropped, 'lines')));
    expect(byId(grown, 'lines').width).toBeGreaterThan(byId(nodes, 'lines').width!);
    expect(byId(grown, 'lines').height).toBeGreaterThan(byId(nodes, 'lines').height!);
    // Only the group changed: every other node is the very object it was.
    expect(grown.filter((node, index) => node !== during[index]).map((node) => node.id)).toEqual(['lines']);
  });

  it('shrinks back when the step is dragged home, and grows the groups around a nested one too', () => {
    const definition = nestedWorkflow();
    const nodes = createFlowCache().nodes(definition);
    const away = new Map([['logPart', { x: 900, y: 800 }]]);
    const grown = growGroupsAroundDrag(dragging(nodes, away), away);
    const dropped = createFlowCache().nodes(moveNodes(definition, away));
    expect(box(byId(grown, 'parts'))).toEqual(box(byId(dropped, 'parts')));
    expect(box(byId(grown, 'lines'))).toEqual(box(byId(dropped, 'lines')));
    expect(byId(grown, 'lines').height).toBeGreaterThan(byId(nodes, 'lines').height!);
    const home = new Map([['logPart', { x: 24, y: 136 }]]);
    const back = growGroupsAroundDrag(dragging(grown, home), home);
    expect(box(byId(back, 'parts'))).toEqual(box(byId(nodes, 'parts')));
    expect(box(byId(back, 'lines'))).toEqual(box(byId(nodes, 'lines')));
  });

  it('hands the nodes back untouched when no dragged node sits in a group, or no group changes size', () => {
    const nodes = createFlowCache().nodes(forEachWorkflow());
    expect(growGroupsAroundDrag(nodes, new Set(['action_1', 'lines']))).toBe(nodes);
    expect(growGroupsAroundDrag(nodes, new Set(['logLine']))).toBe(nodes);
  });
});

describe('growing a group at scale', () => {
  it('sizes a group of 3,000 steps around a dragged one in one pass per frame', () => {
    const definition = forEachWorkflow();
    const body = definition.nodes.at(-1)!.body as { nodes: unknown[] };
    body.nodes = Array.from({ length: 3_000 }, (_, i) => ({ id: `step_${i}`, type: 'action', action: 'core.log', position: { x: 24 + (i % 10) * 300, y: 136 + Math.floor(i / 10) * 220 } }));
    const nodes = createFlowCache().nodes(definition);
    const frames = Array.from({ length: 60 }, (_, frame) => {
      const moves = new Map([['step_2999', { x: 2724 + frame * 10, y: 65_936 + frame * 10 }]]);
      return { moves, during: dragging(nodes, moves) };
    });
    const started = performance.now();
    let grown: WorkflowFlowNode[] = nodes;
    for (const { moves, during } of frames) grown = growGroupsAroundDrag(during, moves);
    const perFrame = (performance.now() - started) / frames.length;
    console.log(`group of 3,000 steps resized around a dragged one: ${perFrame.toFixed(2)} ms per frame`);
    expect(byId(grown, 'lines').height).toBeGreaterThan(byId(nodes, 'lines').height!);
  });
});
