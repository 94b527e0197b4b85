import type jsonata from 'jsonata';
import { compileOrThrow, type CompiledExpression } from './compile';

/** A path from the context root, one property name per segment: `['event', 'data', 'invoiceId']`. */
export type ReadPath = readonly string[];

/**
 * The context paths an expression reads, as `event.data.invoiceId`, `steps.n1.output.x`,
 * `vars.count`. Array indexes and filters are looked through (`event.data.lines[amount > 5].sku`
 * reads `event.data.lines.amount` and `event.data.lines.sku`); what cannot be known statically (a
 * path after a function call or a variable) is left out rather than guessed.
 */
export function referencedPaths(expression: string | CompiledExpression): string[] {
  return readPaths(compileOrThrow(expression).ast).map((path) => path.join('.'));
}

/** The same paths as segments, for callers that compare them piece by piece. */
export function readPaths(ast: jsonata.ExprNode): ReadPath[] {
  const reads = new Map<string, ReadPath>();
  const record = (path: ReadPath | undefined) => {
    if (path && path.length > 0) reads.set(JSON.stringify(path), path);
  };
  record(walk(ast as Node, [], record));
  return [...reads.values()];
}

/** JSONata's AST nodes carry more than its published type says. */
type Node = Omit<jsonata.ExprNode, 'type'> & {
  type: string;
  expression?: Node;
  condition?: Node;
  then?: Node;
  else?: Node;
  body?: Node;
  pattern?: Node;
  update?: Node;
  delete?: Node;
  terms?: Array<{ expression: Node }>;
  group?: { lhs: Array<[Node, Node]> };
  predicate?: Array<{ expr: Node }>;
  stages?: Array<{ expr?: Node }>;
};

/**
 * Walks `node`, evaluated with the context item `$` standing for `context` (a path from the root,
 * or undefined when unknown), and returns the path its value stands for, if it is one.
 */
function walk(node: Node | undefined, context: ReadPath | undefined, record: (path: ReadPath | undefined) => void): ReadPath | undefined {
  if (!node) return undefined;
  const visit = (child: Node | undefined, at = context) => walk(child, at, record);
  let result: ReadPath | undefined;
  switch (node.type) {
    case 'path':
      result = walkPath(node.steps as Node[], context, record);
      break;
    case 'name':
      result = context && [...context, String(node.value)];
      break;
    case 'variable':
      // `$` is the context item and `$$` the root; other variables hold values we cannot follow.
      result = node.value === '' ? context : node.value === '$' ? [] : undefined;
      break;
    case 'block':
      node.expressions?.slice(0, -1).forEach((expression) => record(visit(expression as Node)));
      result = visit(node.expressions?.at(-1) as Node | undefined);
      break;
    case 'lambda':
      // A function body sees the context of the place it is defined.
      record(visit(node.body));
      break;
    case 'condition':
      [node.condition, node.then, node.else].forEach((part) => record(visit(part)));
      break;
    case 'transform':
      [node.pattern, node.update, node.delete].forEach((part) => record(walk(part, undefined, record)));
      break;
    case 'unary':
      if (node.value === '{') (node.lhs as Array<[Node, Node]>).flat().forEach((part) => record(visit(part)));
      else [...(node.expressions ?? []), node.expression].forEach((part) => record(visit(part as Node | undefined)));
      break;
    default:
      // binary, bind, apply, function and partial calls: every operand is evaluated in this context.
      [node.lhs as Node, node.rhs, node.procedure, ...(node.arguments ?? [])].forEach((part) => record(visit(part as Node | undefined)));
  }
  walkFilters(node, result, record);
  return result;
}

/** A path's steps: each one is evaluated against what the step before it produced. */
function walkPath(steps: Node[], context: ReadPath | undefined, record: (path: ReadPath | undefined) => void): ReadPath | undefined {
  let current = context;
  for (const step of steps) {
    if (step.type === 'sort') {
      step.terms?.forEach((term) => record(walk(term.expression, current, record)));
      continue;
    }
    const next = walk(step, current, record);
    // A step that is not a plain property read (a wildcard, a function, a block) reads the whole of
    // what came before it, and what it yields is no longer a known path.
    if (step.type !== 'name' && step.type !== 'variable') record(current);
    current = next;
  }
  record(current);
  return current;
}

/** Filters, indexes and group-by objects are evaluated against each item of what they follow. */
function walkFilters(node: Node, items: ReadPath | undefined, record: (path: ReadPath | undefined) => void): void {
  for (const filter of [...(node.stages ?? []), ...(node.predicate ?? [])]) record(walk(filter.expr, items, record));
  node.group?.lhs.flat().forEach((part) => record(walk(part, items, record)));
}

/**
 * The path the whole expression is, when it is nothing but a path of property names
 * (`event.data.amount`, not `event.data.lines[0].amount` or `$string(event.data.amount)`): then its
 * value is that field's, and its type can be known before the run.
 */
export function plainPath(ast: jsonata.ExprNode): ReadPath | undefined {
  const node = ast as Node;
  const plain = (step: Node) => step.type === 'name' && !step.stages?.length && !step.predicate?.length && !step.group && !(step as { keepArray?: boolean }).keepArray;
  if (node.type === 'name') return plain(node) ? [String(node.value)] : undefined;
  if (node.type !== 'path' || node.group || node.predicate?.length) return undefined;
  const steps = node.steps as Node[];
  return steps.every(plain) ? steps.map((step) => String(step.value)) : undefined;
}
