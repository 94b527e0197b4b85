import type { Problem } from '@cascade/workflow';
import { bodyOf, type DraftDefinition, type DraftNode } from './draft';

/**
 * Applies a problem's fix: its `value` written at the problem's field of its node, forEach bodies
 * included. One edit, so one undo step; the definition is returned unchanged when the problem has
 * no fix or its field no longer leads anywhere (the admin changed it since).
 */
export function applyFix(definition: DraftDefinition, problem: Problem): DraftDefinition {
  const { nodeId, field, fix } = problem;
  if (!fix || nodeId === undefined || field === undefined) return definition;
  const path = parseFieldPath(field);
  let changed = false;
  const fixNodes = (nodes: DraftNode[]): DraftNode[] =>
    nodes.map((node) => {
      if (node.id === nodeId) {
        const fixed = setAt(node, path, fix.value);
        if (fixed === undefined) return node;
        changed = true;
        return fixed as DraftNode;
      }
      const body = bodyOf(node);
      if (!body) return node;
      const nodesInBody = fixNodes(body.nodes);
      return nodesInBody.every((inner, index) => inner === body.nodes[index]) ? node : { ...node, body: { ...(node.body as object), nodes: nodesInBody } };
    });
  const nodes = fixNodes(definition.nodes);
  return changed ? { ...definition, nodes } : definition;
}

/** `input.lines[0].sku` → ['input', 'lines', 0, 'sku']: how problems name a field, read back. */
export function parseFieldPath(field: string): Array<string | number> {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) => (index === undefined ? key! : Number(index)));
}

/** A copy of `target` with `value` at `path`, or undefined when the path's parent is not there. */
function setAt(target: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...Array<string | number>];
  if (typeof key === 'number' ? !Array.isArray(target) || key >= target.length : typeof target !== 'object' || target === null || Array.isArray(target)) return undefined;
  const inner = setAt((target as Record<string | number, unknown>)[key], rest, value);
  if (inner === undefined) return undefined;
  if (Array.isArray(target)) return target.map((item, index) => (index === key ? inner : item));
  return { ...(target as object), [key]: inner };
}
