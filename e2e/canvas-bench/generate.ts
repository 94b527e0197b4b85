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
