import { describe, expect, it } from 'vitest';
import type { DraftDefinition, Position } from './draft';
import { moveNodes } from './edit';
import { forEachWorkflow } from './fixtures';
import { DRAG_GROWTH_SLACK, growGroupsAroundDrag } from './group-drag';
import { createFlowCache, type WorkflowFlowNode } from './to-flow';

/** The canvas's nodes mid-drag: the derived nodes with the dragged ones where the pointer has them. */
const dragging = (nodes: readonly WorkflowFlowNode[], moves: ReadonlyMap<string, Position>) =>
  nodes.map((node) => (moves.has(node.id) ? { ...node, position: moves.get(node.id)! } : node));
const byId = (nodes: readonly WorkflowFlowNode[], id: string) => nodes.find((node) => node.id === id)!;
const size = (node: WorkflowFlowNode) => ({ width: node.width!, height: node.height! });

/** Whether `step` lies inside its group, as React Flow draws them (the step relative to the group). */
const inside = (step: WorkflowFlowNode, group: WorkflowFlowNode) =>
  step.position.x + step.measured!.width! < group.width! && step.position.y + step.measured!.height! < group.height!;

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
  it('grows round the step as it goes, a little past what the drop then commits', () => {
    const definition = forEachWorkflow();
    const nodes = createFlowCache().nodes(definition);
    const moves = new Map([['logLine', { x: 700, y: 900 }]]);
    const during = dragging(nodes, moves);
    const grown = growGroupsAroundDrag(during, moves);
    expect(inside(byId(grown, 'logLine'), byId(grown, 'lines'))).toBe(true);
    const dropped = size(byId(createFlowCache().nodes(moveNodes(definition, moves)), 'lines'));
    expect(size(byId(grown, 'lines'))).toEqual({ width: dropped.width + DRAG_GROWTH_SLACK, height: dropped.height + DRAG_GROWTH_SLACK });
    expect(byId(grown, 'lines').measured).toEqual(size(byId(grown, 'lines')));
    // Only the group changed: every other node is the very object it was.
    expect(grown.filter((node, index) => node !== during[index]).map((node) => node.id)).toEqual(['lines']);
  });

  it('grows the groups round a nested one too, and keeps its size while the step is dragged back in', () => {
    const definition = nestedWorkflow();
    const nodes = createFlowCache().nodes(definition);
    const away = new Map([['logPart', { x: 900, y: 800 }]]);
    const grown = growGroupsAroundDrag(dragging(nodes, away), away);
    expect(inside(byId(grown, 'logPart'), byId(grown, 'parts'))).toBe(true);
    expect(inside(byId(grown, 'parts'), byId(grown, 'lines'))).toBe(true);
    expect(byId(grown, 'lines').height).toBeGreaterThan(byId(nodes, 'lines').height!);
    const home = new Map([['logPart', { x: 24, y: 136 }]]);
    const back = dragging(grown, home);
    expect(growGroupsAroundDrag(back, home)).toBe(back);
  });

  it('hands the nodes back untouched when no dragged node sits in a group, or no group needs to grow', () => {
    const nodes = createFlowCache().nodes(forEachWorkflow());
    expect(growGroupsAroundDrag(nodes, new Set(['action_1', 'lines']))).toBe(nodes);
    expect(growGroupsAroundDrag(nodes, new Set(['logLine']))).toBe(nodes);
  });
});

describe('growing a group at scale', () => {
  it('sizes a group of 3,000 steps round a dragged one in one pass per frame, resizing it every few frames', () => {
    const definition = forEachWorkflow();
    const body = definition.nodes.at(-1)!.body as { nodes: unknown[] };
    body.nodes = Array.from({ length: 3_000 }, (_, i) => ({ id: `step_${i}`, type: 'action', action: 'core.log', position: { x: 24 + (i % 10) * 300, y: 136 + Math.floor(i / 10) * 220 } }));
    let nodes = createFlowCache().nodes(definition);
    const heights = new Set<number>();
    let spent = 0;
    // 60 frames of a drag 10 px a frame down past the group's bottom, each frame built on the last.
    for (let frame = 0; frame < 60; frame++) {
      const moves = new Map([['step_2999', { x: 2724, y: 65_936 + frame * 10 }]]);
      const during = dragging(nodes, moves);
      const started = performance.now();
      nodes = growGroupsAroundDrag(during, moves);
      spent += performance.now() - started;
      heights.add(byId(nodes, 'lines').height!);
    }
    console.log(`group of 3,000 steps grown round a dragged one: ${(spent / 60).toFixed(2)} ms per frame, resized in ${heights.size} of 60 frames`);
    expect(inside(byId(nodes, 'step_2999'), byId(nodes, 'lines'))).toBe(true);
    expect(heights.size).toBeLessThanOrEqual(Math.ceil((60 * 10) / DRAG_GROWTH_SLACK) + 1);
  });
});
