/**
 * Test data: large definitions shaped to make graph algorithms slow, all valid against the test
 * catalog, so that every check of the validator runs on them.
 */

const expr = ($expr: string) => ({ $expr });
const edge = (id: string, from: string, to: string, port?: string) => ({ id, from, to, ...(port ? { port } : {}) });
const logNode = (id: string, reads: string) => ({
  id,
  type: 'action',
  action: 'core.log',
  input: { message: expr(`"${id} after " & ${reads} & " for " & event.data.invoiceId`) },
});

/**
 * A ladder of `rungs` rungs, two nodes each: a condition whose true and false branches meet at a
 * join (in `all` mode on every `joinAllEvery`-th rung). Every node has a chain of steps certainly
 * run before it as long as the ladder, and each condition reads the first step.
 */
export function ladderDefinition(rungs: number, joinAllEvery = 2) {
  const nodes: object[] = [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' }, logNode('first', '"start"')];
  const edges = [edge('e-start', 'start', 'first')];
  let previous = 'first';
  for (let rung = 0; rung < rungs; rung++) {
    const [check, join] = [`check${rung}`, `join${rung}`];
    nodes.push({ id: check, type: 'condition', expression: 'steps.first.output.logged' }, { id: join, type: 'join', mode: rung % joinAllEvery === 0 ? 'all' : 'any' });
    edges.push(edge(`e${rung}a`, previous, check), edge(`e${rung}b`, check, join, 'true'), edge(`e${rung}c`, check, join, 'false'));
    previous = join;
  }
  nodes.push({ id: 'finish', type: 'end' });
  edges.push(edge('e-finish', previous, 'finish'));
  return { schemaVersion: 1 as const, name: `Ladder of ${rungs} rungs`, nodes, edges };
}

/** A parallel node fanning out into `width` logs joined in `all` mode, then one expression reading each of them. */
export function fanOutDefinition(width: number) {
  const branches = Array.from({ length: width }, (_, index) => `branch${index}`);
  const nodes = [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    { id: 'split', type: 'parallel' },
    ...branches.map((id) => ({ id, type: 'action', action: 'core.log', input: { message: 'side by side' } })),
    { id: 'merge', type: 'join', mode: 'all' },
    { id: 'summary', type: 'setVariables', assign: Object.fromEntries(branches.map((id) => [id, expr(`steps.${id}.output.logged`)])) },
    { id: 'finish', type: 'end' },
  ];
  const edges = [
    edge('e-start', 'start', 'split'),
    ...branches.flatMap((id) => [edge(`e-${id}-in`, 'split', id), edge(`e-${id}-out`, id, 'merge')]),
    edge('e-merge', 'merge', 'summary'),
    edge('e-finish', 'summary', 'finish'),
  ];
  return { schemaVersion: 1 as const, name: `Fan-out of ${width}`, nodes, edges };
}
