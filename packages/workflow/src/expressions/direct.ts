/** What a direct evaluator answers when the input takes the expression beyond what it handles. */
export const NOT_DIRECT: unique symbol = Symbol('not evaluated directly');

/** Evaluates an expression synchronously, or answers NOT_DIRECT so JSONata evaluates it instead. */
export type DirectEvaluator = (input: Record<string, unknown>) => unknown;

type Primitive = string | number | boolean | null;

const COMPARISONS = new Set(['<', '<=', '>', '>=']);

/**
 * Most expressions in workflows are paths and small combinations of them: `event.data.invoiceId`,
 * `'Invoice ' & event.data.invoiceId`, `event.data.amount > 1000 and vars.approved`. JSONata's
 * evaluator is asynchronous at every step and creates dozens of promises for even these, and
 * inside Temporal workflow code each promise costs a captured stack trace. This compiles such an
 * expression to a plain function with JSONata's semantics for what it covers:
 *
 * - literals: strings, numbers, `true`, `false`, `null`;
 * - paths of plain names (`a.b.c`) through objects; a missing field gives undefined;
 * - `&` of values that are not objects or arrays;
 * - `=`, `!=` and `<`, `<=`, `>`, `>=` of such values, `and`, `or`, and parentheses.
 *
 * Anything else in the expression gives no evaluator (undefined); an array or object where the
 * covered semantics end (JSONata maps paths over arrays, compares objects deeply, and reports
 * type errors in comparisons) makes the evaluator answer NOT_DIRECT for that input, and the
 * caller evaluates with JSONata. A property test holds both to the same results.
 */
export function directEvaluator(node: DirectNode): DirectEvaluator | undefined {
  switch (node.type) {
    case 'string':
    case 'number':
    case 'value':
      return () => node.value;
    case 'path':
      return pathEvaluator(node);
    case 'binary':
      return binaryEvaluator(node);
    case 'block':
      // Parentheses around one expression: its value.
      return node.expressions?.length === 1 ? directEvaluator(node.expressions[0]!) : undefined;
    default:
      return undefined;
  }
}

/** A node of JSONata's syntax tree, as far as the direct evaluator reads it (`jsonata.ExprNode` fits). */
export interface DirectNode {
  type: string;
  value?: unknown;
  position?: number;
  steps?: DirectNode[];
  lhs?: DirectNode;
  rhs?: DirectNode;
  expressions?: DirectNode[];
}

/** Only a node with nothing but these properties is plain: JSONata marks predicates, `[]`, focus and the like with more. */
const isPlain = (node: DirectNode, allowed: readonly string[]) => Object.keys(node).every((key) => allowed.includes(key));

function pathEvaluator(path: DirectNode): DirectEvaluator | undefined {
  if (!isPlain(path, ['type', 'steps'])) return undefined;
  const names: string[] = [];
  for (const step of path.steps ?? []) {
    if (step.type !== 'name' || typeof step.value !== 'string' || !isPlain(step, ['type', 'value', 'position'])) return undefined;
    names.push(step.value);
  }
  if (!names.length) return undefined;
  return (input) => {
    let value: unknown = input;
    for (const name of names) {
      if (Array.isArray(value)) return NOT_DIRECT;
      if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, name)) return undefined;
      value = (value as Record<string, unknown>)[name];
    }
    return Array.isArray(value) || typeof value === 'function' ? NOT_DIRECT : value;
  };
}

function binaryEvaluator(node: DirectNode): DirectEvaluator | undefined {
  const operator = node.value as string;
  const lhs = node.lhs && directEvaluator(node.lhs);
  const rhs = node.rhs && directEvaluator(node.rhs);
  if (!lhs || !rhs) return undefined;
  const operands = (input: Record<string, unknown>): [Primitive | undefined, Primitive | undefined] | typeof NOT_DIRECT => {
    const left = lhs(input);
    if (!isPrimitive(left)) return NOT_DIRECT;
    const right = rhs(input);
    return isPrimitive(right) ? [left, right] : NOT_DIRECT;
  };
  switch (operator) {
    case '&':
      return (input) => {
        const values = operands(input);
        return values === NOT_DIRECT ? NOT_DIRECT : jsonataString(values[0]) + jsonataString(values[1]);
      };
    case '=':
    case '!=':
      return (input) => {
        const values = operands(input);
        if (values === NOT_DIRECT) return NOT_DIRECT;
        const [left, right] = values;
        if (left === undefined || right === undefined) return false;
        return operator === '=' ? left === right : left !== right;
      };
    case 'and':
    case 'or':
      // JSONata evaluates the right side only when the left does not decide.
      return (input) => {
        const left = lhs(input);
        if (!isPrimitive(left)) return NOT_DIRECT;
        if (operator === 'and' ? !truthy(left) : truthy(left)) return operator === 'or';
        const right = rhs(input);
        return isPrimitive(right) ? truthy(right) : NOT_DIRECT;
      };
    default:
      if (!COMPARISONS.has(operator)) return undefined;
      return (input) => {
        const values = operands(input);
        if (values === NOT_DIRECT) return NOT_DIRECT;
        const [left, right] = values;
        // Other types, or two different ones, are JSONata's errors T2009 and T2010: it reports them.
        const comparable = (value: unknown) => value === undefined || typeof value === 'string' || typeof value === 'number';
        if (!comparable(left) || !comparable(right)) return NOT_DIRECT;
        if (left === undefined || right === undefined) return undefined;
        if (typeof left !== typeof right) return NOT_DIRECT;
        const [a, b] = [left as string | number, right as string | number];
        return operator === '<' ? a < b : operator === '<=' ? a <= b : operator === '>' ? a > b : a >= b;
      };
  }
}

/** A value the operators here take as JSONata does; objects and arrays are left to JSONata. */
function isPrimitive(value: unknown): value is Primitive | undefined {
  return value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** `$string` of a primitive, as `&` applies it: numbers to 15 significant digits, undefined as ''. */
function jsonataString(value: Primitive | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && !Number.isInteger(value)) return JSON.stringify(Number(value.toPrecision(15)));
  return JSON.stringify(value);
}

/** `$boolean` of a primitive. */
function truthy(value: Primitive | undefined): boolean {
  return typeof value === 'string' ? value.length > 0 : Boolean(value);
}
