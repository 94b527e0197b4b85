import type { DraftDefinition } from './draft';

/**
 * Whether two drafts differ only in where their nodes are: what the validator checks is then
 * unchanged, and it need not run again. One pass, comparing by identity wherever the designer's
 * pure edits keep it (a move replaces only the moved nodes, and keeps the edge list itself).
 */
export function differsOnlyInPlace(before: DraftDefinition, after: DraftDefinition): boolean {
  if (before === after) return true;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) if (key !== 'nodes' && before[key] !== after[key]) return false;
  if (before.nodes.length !== after.nodes.length) return false;
  return before.nodes.every((node, index) => {
    const other = after.nodes[index]!;
    if (node === other) return true;
    const fields = new Set([...Object.keys(node), ...Object.keys(other)]);
    for (const field of fields) if (field !== 'position' && node[field] !== other[field]) return false;
    return true;
  });
}
