import { firstPointerDeeperThan } from '@cascade/catalog';
import { problemAt, type Problem } from './problems';

/**
 * How large a workflow definition may be, so that no tenant's definition holds the designer, the
 * API or a worker for long; every check of the validator stays near-linear within these.
 */
export const DEFINITION_LIMITS = {
  /** Nodes, forEach bodies included. The designer is built to stay smooth at 1,000; twice that leaves headroom. */
  nodes: 2_000,
  /** Edges, forEach bodies included: two per node, when most nodes have one outgoing edge and a condition two. */
  edges: 4_000,
  /** Bytes of the definition as JSON (UTF-8): about 500 per node at the node limit, expressions and mappings included. */
  bytes: 1024 * 1024,
  /** forEach nodes inside one another's bodies: iterations multiply with each level, and three is already rare. */
  forEachDepth: 5,
  /**
   * Levels of objects and arrays anywhere in the definition. Five forEach levels take 15 of them
   * (`nodes`, the index, `body`), which leaves room for any mapping; parsing deeper values recurses
   * and could run out of stack.
   */
  jsonDepth: 64,
} as const;

/**
 * One problem for each limit the definition exceeds, measured on the raw JSON before anything else
 * is parsed, and without recursion, so a hostile definition costs no more than reading it.
 */
export function checkDefinitionLimits(definition: unknown): Problem[] {
  const problems: Problem[] = [];
  const counted = { nodes: 0, edges: 0 };
  let tooDeep: unknown;
  const flows = [{ flow: definition, depth: 0 }];
  for (let next = flows.pop(); next; next = flows.pop()) {
    const nodes = listAt(next.flow, 'nodes');
    counted.nodes += nodes.length;
    counted.edges += listAt(next.flow, 'edges').length;
    for (const node of nodes) {
      if (!isRecord(node) || node.type !== 'forEach' || !isRecord(node.body)) continue;
      if (next.depth < DEFINITION_LIMITS.forEachDepth) flows.push({ flow: node.body, depth: next.depth + 1 });
      else tooDeep ??= node;
    }
  }
  for (const what of ['nodes', 'edges'] as const) {
    if (counted[what] <= DEFINITION_LIMITS[what]) continue;
    const message = `The definition has ${counted[what]} ${what}, forEach bodies included; the limit is ${DEFINITION_LIMITS[what]}`;
    problems.push(problemAt({}, 'too-large', message, what));
  }
  if (tooDeep !== undefined) {
    const id = isRecord(tooDeep) && typeof tooDeep.id === 'string' ? tooDeep.id : undefined;
    const which = id === undefined ? 'A forEach' : `forEach "${id}"`;
    const message = `${which} lies within ${DEFINITION_LIMITS.forEachDepth} forEach bodies; the limit is ${DEFINITION_LIMITS.forEachDepth} levels of forEach`;
    problems.push(problemAt(id === undefined ? {} : { nodeId: id }, 'too-large', message, id === undefined ? undefined : 'body'));
  }
  const nestedAt = firstPointerDeeperThan(definition, DEFINITION_LIMITS.jsonDepth);
  if (nestedAt !== undefined) {
    const message = `The definition nests objects and arrays more than ${DEFINITION_LIMITS.jsonDepth} levels deep at ${nestedAt}; the limit is ${DEFINITION_LIMITS.jsonDepth}`;
    problems.push(problemAt({}, 'too-large', message));
    // Too deep to measure safely, and already refused.
    return problems;
  }
  const bytes = jsonBytes(definition);
  if (bytes > DEFINITION_LIMITS.bytes) {
    problems.push(problemAt({}, 'too-large', `The definition takes ${bytes} bytes as JSON; the limit is ${DEFINITION_LIMITS.bytes} bytes (1 MiB)`));
  }
  return problems;
}

/** UTF-8 length of the value as JSON; only called within the depth limit, so the serialiser cannot overflow. */
function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) as string | undefined;
  let bytes = 0;
  for (let index = 0; index < (json?.length ?? 0); index++) {
    const code = json!.charCodeAt(index);
    // A surrogate pair is one 4-byte character: 2 bytes for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}

function listAt(flow: unknown, key: 'nodes' | 'edges'): unknown[] {
  const list = isRecord(flow) ? flow[key] : undefined;
  return Array.isArray(list) ? list : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
