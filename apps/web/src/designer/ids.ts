import { allEdgeIds, allNodeIds, type DraftDefinition } from './draft';

/** Node ids are identifiers because expressions address them as `steps.<id>`. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `<prefix>1`, `<prefix>2`, …: the first of the pattern not taken. */
export function firstFree(prefix: string, taken: ReadonlySet<string>, from = 1): string {
  for (let n = from; ; n += 1) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** `action_1`, `action_2`, …: the first id of this type's pattern no node uses, forEach bodies included. */
export function nextNodeId(definition: DraftDefinition, type: string): string {
  return firstFree(`${type}_`, new Set(allNodeIds(definition.nodes)));
}

/** `e1`, `e2`, …: the first edge id no edge uses, forEach bodies included. */
export function nextEdgeId(definition: DraftDefinition): string {
  return firstFree('e', new Set(allEdgeIds(definition.nodes, definition.edges)));
}

/** Why `id` cannot be the new id of node `current`, or undefined when it can. */
export function nodeIdProblem(definition: DraftDefinition, current: string, id: string): string | undefined {
  if (!IDENTIFIER.test(id)) return 'Use letters, digits and _, starting with a letter or _ (expressions address it by name)';
  if (id !== current && allNodeIds(definition.nodes).includes(id)) return `Another node already has the id "${id}"`;
  return undefined;
}
