/**
 * A generated workflow of `size` nodes with about twice as many edges, laid out on a grid: a trigger,
 * then `size - 2` log actions each leading on to the next by `next` and to the one after by `error`,
 * then an end. Valid as drawn, so the validator does its full work on it, as on a real workflow.
 */
export function generatedWorkflow(size: number) {
  const COLUMNS = 25;
  const position = (index: number) => ({ x: (index % COLUMNS) * 300, y: Math.floor(index / COLUMNS) * 220 });
  const last = size - 1;
  const nodes = Array.from({ length: size }, (_, index) => {
    if (index === 0) return { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', position: position(index) };
    if (index === last) return { id: 'done', type: 'end', position: position(index) };
    return { id: `step_${index}`, type: 'action', action: 'core.log', input: { message: `Step ${index}` }, position: position(index) };
  });
  const idOf = (index: number) => nodes[index]!.id;
  const edges = nodes.flatMap((_, index) => {
    if (index === last) return [];
    const next = { id: `next_${index}`, from: idOf(index), to: idOf(index + 1) };
    // The trigger has no error port; every action's failure skips one step.
    if (index === 0 || index + 2 > last) return [next];
    return [next, { id: `error_${index}`, from: idOf(index), to: idOf(index + 2), port: 'error' }];
  });
  return { schemaVersion: 1, name: `Canvas benchmark ${size}`, nodes, edges };
}

/**
 * The same chain of log actions (`size - 3` of them, each leading on to the next) inside the body of
 * one forEach between the trigger and the end: what a drag of a body step, which resizes the group
 * around it as it goes, is measured on. Body positions are relative to the group, below its card.
 */
export function generatedForEachWorkflow(size: number) {
  const COLUMNS = 10;
  const steps = Math.max(1, size - 3);
  const nodes = Array.from({ length: steps }, (_, index) => ({
    id: `step_${index + 1}`, type: 'action', action: 'core.log', input: { message: `Step ${index + 1}` },
    position: { x: 24 + (index % COLUMNS) * 300, y: 136 + Math.floor(index / COLUMNS) * 220 },
  }));
  const edges = [
    { id: 'each_item', from: 'each', to: 'step_1', port: 'item' },
    ...nodes.slice(1).map((node, index) => ({ id: `next_${index + 1}`, from: nodes[index]!.id, to: node.id })),
  ];
  return {
    schemaVersion: 1,
    name: `Canvas benchmark ${size} in a body`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', position: { x: 0, y: 0 } },
      { id: 'each', type: 'forEach', items: 'event.data.lines', concurrency: 1, position: { x: 0, y: 220 }, body: { nodes, edges } },
      { id: 'done', type: 'end', position: { x: 0, y: 500 + Math.ceil(steps / COLUMNS) * 220 } },
    ],
    edges: [{ id: 'into_each', from: 'start', to: 'each' }, { id: 'after_each', from: 'each', to: 'done', port: 'done' }],
  };
}
