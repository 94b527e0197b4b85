/**
 * A template's definition is a workflow definition in which any value may be a parameter
 * reference, `{"$param": "name"}`, naming a property of the template's parameter schema.
 * Instantiating the template replaces each reference by the parameter's value, whole: a reference
 * is a value, never part of a string or of an expression.
 */

export interface ParameterReference {
  $param: string;
}

/** One reference found in a definition: where (a JSON pointer), which parameter, in which node. */
export interface FoundReference {
  pointer: string;
  name: string;
  /** The id of the innermost node holding the reference, if it has one. */
  nodeId?: string;
}

export interface ReferenceProblem {
  pointer: string;
  message: string;
  expected: string;
}

/**
 * Deeper than any definition a person draws (a forEach body inside a forEach body is about a dozen
 * levels), and shallow enough that substituting recursively never strains the stack.
 */
export const MAX_TEMPLATE_DEPTH = 64;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isParameterReference = (value: unknown): value is ParameterReference =>
  isObject(value) && typeof value.$param === 'string' && Object.keys(value).length === 1;

const escapePointer = (segment: string | number) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1');

interface Visit {
  value: unknown;
  pointer: string;
  depth: number;
  nodeId: string | undefined;
  /** The value is an element of a `nodes` array: a node, whose id addresses what is inside it. */
  isNode: boolean;
}

/**
 * Every parameter reference of a definition, and every value that looks like one but is not
 * (`{"$param": 3}`, `{"$param": "a", "x": 1}`). Walks without recursion and stops at
 * MAX_TEMPLATE_DEPTH, so a hostile nesting is refused rather than followed.
 */
export function findParameterReferences(definition: unknown): { references: FoundReference[]; problems: ReferenceProblem[] } {
  const references: FoundReference[] = [];
  const problems: ReferenceProblem[] = [];
  const stack: Visit[] = [{ value: definition, pointer: '', depth: 0, nodeId: undefined, isNode: false }];
  while (stack.length > 0) {
    const { value, pointer, depth, isNode, ...visit } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_TEMPLATE_DEPTH) {
      problems.push({ pointer, message: `The definition nests objects and arrays more than ${MAX_TEMPLATE_DEPTH} levels deep`, expected: `at most ${MAX_TEMPLATE_DEPTH} levels` });
      return { references, problems };
    }
    const nodeId = isNode && isObject(value) && typeof value.id === 'string' ? value.id : visit.nodeId;
    if (isObject(value) && '$param' in value) {
      if (isParameterReference(value)) references.push({ pointer, name: value.$param, ...(nodeId !== undefined ? { nodeId } : {}) });
      else problems.push({ pointer, message: 'A parameter reference is an object whose only key is $param', expected: '{"$param": "<parameter name>"}' });
      continue;
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    const childrenAreNodes = pointer.endsWith('/nodes') && Array.isArray(value);
    for (const [key, child] of entries.reverse()) {
      stack.push({ value: child, pointer: `${pointer}/${escapePointer(key)}`, depth: depth + 1, nodeId, isNode: childrenAreNodes });
    }
  }
  return { references, problems };
}

/**
 * The definition with every reference replaced by `valueOf(name)`. Call it on a definition
 * `findParameterReferences` accepted: its depth is bounded, so the recursion is too.
 */
export function substituteParameters(definition: unknown, valueOf: (name: string) => unknown): unknown {
  if (isParameterReference(definition)) return valueOf(definition.$param);
  if (Array.isArray(definition)) return definition.map((item) => substituteParameters(item, valueOf));
  if (isObject(definition)) return Object.fromEntries(Object.entries(definition).map(([key, value]) => [key, substituteParameters(value, valueOf)]));
  return definition;
}
