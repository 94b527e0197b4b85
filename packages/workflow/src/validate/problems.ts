/**
 * Every kind of problem the validator reports, with what it means. The designer can show these
 * next to a node; the API returns them in its 422 body.
 */
export const PROBLEM_CODES = {
  'too-large': 'The definition exceeds a limit (nodes, edges, bytes of JSON or forEach nesting); the message names it, and nothing else is checked',
  schema: 'A field does not have the shape DESIGN.md §5 gives it (wrong type, missing, unknown field, bad duration)',
  'unknown-node-type': 'The node type is none of the types a workflow can use',
  'duplicate-node-id': 'Another node, anywhere in the workflow (forEach bodies included), has the same id',
  'duplicate-edge-id': 'Another edge has the same id',
  'unknown-node': 'The edge starts or ends at a node that is not in its graph',
  'unknown-port': 'The edge leaves its node by a port that node type does not have',
  'port-fan-out': 'A port other than a parallel node’s has more than one edge; branches run in parallel only from a parallel node',
  'missing-port': 'An outcome of the node that must lead somewhere has no edge (a condition’s true or false, a switch case, …)',
  'missing-trigger': 'The workflow has no trigger',
  'extra-trigger': 'The workflow has more than one trigger',
  'trigger-in-body': 'A forEach body contains a trigger',
  unreachable: 'No path leads from the trigger (or, in a forEach body, from its item port) to the node',
  cycle: 'The edge closes a cycle; repeat work with a forEach instead',
  'expression-syntax': 'The expression does not parse',
  'expression-slip':
    'The expression uses another language’s syntax that JSONata does not have (==, ===, &&, ||, !x, {{ }}); the message names JSONata’s way, and `fix` holds the corrected expression when it parses',
  'literal-looks-like-expression':
    'A warning: a literal string reads like an expression (event.data.x, {{ event.data.x }}), so it would be passed on as those characters; `fix` holds it as an expression',
  'expression-forbidden': 'The expression uses something workflow code may not ($random, $eval, a regular expression with lookaround or backreferences)',
  'unknown-reference': 'The expression reads a name that is not in its context (event, steps, vars, run)',
  'unknown-step': 'The expression reads steps.<id> of a node that does not exist',
  'step-not-before': 'The expression reads a step that does not always run before this node',
  'unknown-step-field': 'The expression reads steps.<id>.<field> other than output and error (or, inside a forEach body, its item and index)',
  'unknown-event-field': 'The expression reads an envelope field events do not have, or event.data.<field> that the event type does not have',
  'unknown-output-field': 'The expression reads an output field the step does not produce',
  'unknown-variable': 'The expression reads vars.<name> that is neither declared nor assigned by a setVariables node',
  'unknown-run-field': 'The expression reads run.<field> that runs do not have',
  'unknown-event': 'The event type is not in the catalog',
  'unknown-event-version': 'The event type is in the catalog, but not at the version the node names',
  'unknown-action': 'No action with this id is registered',
  'unknown-workflow': 'The sub-workflow, at the pinned version, does not exist',
  'invalid-mapping': 'A literal value, or a required key missing from the mapping, fails the action’s input or the event’s payload schema',
  'mapping-type-mismatch': 'A mapped expression reads a field whose type cannot fit the field it feeds (text into a number field, a list into a text field), by the schemas on both sides',
  'mapping-may-be-absent': 'A warning: a mapped expression reads an optional field into a field its target requires, so the run fails when the value is absent',
  'missing-correlation': 'A waitForEvent has no correlation, so it could not tell which run an arriving event is for',
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** One problem with a definition, addressed so the designer can point at it. */
export interface Problem {
  nodeId?: string;
  edgeId?: string;
  /** Within the node or edge when one is named (`input.amount`, `cases[1].expression`), else from the root. */
  field?: string;
  code: ProblemCode;
  message: string;
  /** Absent for an error, which keeps the definition from being published; a warning does not. */
  severity?: 'warning';
  /** A mechanical correction: writing `fix.value` at `field` of the node resolves the problem. */
  fix?: ProblemFix;
}

export interface ProblemFix {
  /** The corrected value of the field: an expression's source, or a mapping leaf (`{"$expr": "event.data.x"}`). */
  value: unknown;
}

export const isWarning = (problem: Problem): boolean => problem.severity === 'warning';

/** Where problems about one node or edge go: its id, or the field path to it when it has none. */
export interface ProblemSite {
  nodeId?: string;
  edgeId?: string;
  /** Prefix for fields when the item has no usable id (`nodes[3]`, `body.edges[0]`). */
  fieldPrefix?: string;
}

export function problemAt(
  site: ProblemSite,
  code: ProblemCode,
  message: string,
  field?: string,
  extra: Pick<Problem, 'severity' | 'fix'> = {},
): Problem {
  const fullField = [site.fieldPrefix, field].filter(Boolean).join(field?.startsWith('[') ? '' : '.');
  return {
    ...(site.nodeId === undefined ? {} : { nodeId: site.nodeId }),
    ...(site.edgeId === undefined ? {} : { edgeId: site.edgeId }),
    ...(fullField ? { field: fullField } : {}),
    code,
    message,
    ...extra,
  };
}
