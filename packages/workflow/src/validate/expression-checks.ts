import { nodeTypeOf, type ShallowNode } from '../nodes';
import { compileExpression } from '../expressions/compile';
import { CONTEXT_ROOTS, ENVELOPE_FIELDS, ITERATION_FIELDS, RUN_FIELDS, STEP_FIELDS } from '../expressions/context';
import { readPaths, type ReadPath } from '../expressions/references';
import { findExpressionSlips, type ExpressionSlips } from '../expressions/slips';
import type { CatalogField } from './catalog';
import { firstUnknownPrefix, topLevelFieldNames } from './field-paths';
import { nodeExpressions, type NodeExpression } from './node-expressions';
import type { ParsedNode } from './parse-leniently';
import { isInsideBody, type ReferenceScope } from './reference-scope';
import { problemAt, type Problem, type ProblemCode } from './problems';

type Finding = { code: ProblemCode; message: string };

/**
 * Compiles each expression of the node and checks every context path it reads; warns about
 * literal strings that read like an expression.
 */
export function checkNodeExpressions(parsed: ParsedNode & { node: ShallowNode }, scope: ReferenceScope): Problem[] {
  return nodeExpressions(parsed.node).flatMap((expression) => {
    if (expression.form === 'literal') return [literalWarning(parsed, expression)];
    const compiled = compileExpression(expression.source);
    if (!compiled.ok) {
      const slips = compiled.error.kind === 'syntax' ? findExpressionSlips(expression.source) : undefined;
      if (slips) return [slipProblem(parsed, expression, slips)];
      const code = compiled.error.kind === 'syntax' ? 'expression-syntax' : 'expression-forbidden';
      return [problemAt(parsed.site, code, compiled.error.message, expression.field)];
    }
    const findings = readPaths(compiled.expression.ast).flatMap((path) => checkRead(path, expression, parsed.id, scope) ?? []);
    const distinct = new Map(findings.map((finding) => [finding.message, finding]));
    return [...distinct.values()].map(({ code, message }) => problemAt(parsed.site, code, message, expression.field));
  });
}

/** `JSONata compares with =, not ==: write a = 1`, with that correction as the fix. */
function slipProblem(parsed: ParsedNode, expression: NodeExpression, { advice, corrected }: ExpressionSlips): Problem {
  const sentence = advice.join('; ');
  const message = `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${corrected === undefined ? '' : `: write ${corrected}`}`;
  const fix = corrected === undefined ? {} : { fix: { value: expression.form === 'leaf' ? { $expr: corrected } : corrected } };
  return problemAt(parsed.site, 'expression-slip', message, expression.field, fix);
}

function literalWarning(parsed: ParsedNode, expression: NodeExpression): Problem {
  const message = `${JSON.stringify(expression.literal)} is passed on as this text; to compute it, make it the expression ${expression.source}`;
  return problemAt(parsed.site, 'literal-looks-like-expression', message, expression.field, {
    severity: 'warning',
    fix: { value: { $expr: expression.source } },
  });
}

function checkRead(path: ReadPath, expression: NodeExpression, nodeId: string, scope: ReferenceScope): Finding | undefined {
  const [root, ...rest] = path as [string, ...string[]];
  const written = path.join('.');
  if (expression.filtersEvent !== undefined && root !== 'event') {
    return { code: 'unknown-reference', message: `Reads ${written}, but this expression is evaluated against the ${expression.filtersEvent} event alone and sees only event` };
  }
  switch (root) {
    case 'event':
      return checkEventRead(rest, expression.filtersEvent ?? scope.triggerEvent, scope);
    case 'steps':
      return rest[0] === undefined ? undefined : checkStepRead(rest[0], rest.slice(1), nodeId, scope);
    case 'vars':
      if (rest[0] === undefined || scope.variables.has(rest[0])) return undefined;
      return { code: 'unknown-variable', message: `Reads vars.${rest[0]}, which is neither declared in variables nor assigned by a setVariables node` };
    case 'run':
      if (rest[0] === undefined || includes(RUN_FIELDS, rest[0])) return undefined;
      return { code: 'unknown-run-field', message: `Reads run.${rest[0]}; a run has ${RUN_FIELDS.join(', ')}` };
    default:
      return {
        code: 'unknown-reference',
        message: `Reads ${written}, which is not in the context: expressions read ${CONTEXT_ROOTS.join(', ')} (did you mean event.data.${written}?)`,
      };
  }
}

function checkEventRead(rest: string[], eventType: string | undefined, scope: ReferenceScope): Finding | undefined {
  if (rest[0] !== undefined && !includes(ENVELOPE_FIELDS, rest[0])) {
    return { code: 'unknown-event-field', message: `Reads event.${rest[0]}; an event has ${ENVELOPE_FIELDS.join(', ')}, and its payload is under event.data` };
  }
  if (rest[0] !== 'data' || rest.length < 2 || eventType === undefined) return undefined;
  const event = scope.catalog.getEvent(eventType);
  return event && unknownField(event.fields, rest.slice(1), 'event.data', `the payload of ${eventType}`, 'unknown-event-field');
}

function checkStepRead(stepId: string, rest: string[], nodeId: string, scope: ReferenceScope): Finding | undefined {
  const step = scope.nodes.get(stepId);
  if (!step) return { code: 'unknown-step', message: `Reads steps.${stepId}, but no node has the id "${stepId}"` };
  if (scope.stepOrder.ranBefore(stepId, nodeId) === false) {
    const owner = scope.bodyOwners.get(stepId);
    const why =
      owner !== undefined && !isInsideBody(nodeId, owner, scope.bodyOwners)
        ? `it runs once per item inside the body of forEach "${owner}"; read the forEach's output instead`
        : `it is not on every path from the trigger to "${nodeId}"`;
    return { code: 'step-not-before', message: `Reads steps.${stepId}, which may not have run before this node: ${why}` };
  }
  const field = rest[0];
  if (field === undefined) return undefined;
  // Inside its body a forEach has not finished: it offers the current item instead of an output.
  const fields = isInsideBody(nodeId, stepId, scope.bodyOwners) ? ITERATION_FIELDS : STEP_FIELDS;
  if (!includes(fields, field)) {
    return { code: 'unknown-step-field', message: `Reads steps.${stepId}.${field}; here steps.${stepId} has ${fields.join(' and ')}` };
  }
  if (field !== 'output' || rest.length < 2 || !step.node) return undefined;
  const output = nodeTypeOf(step.node).outputFields?.(step.node, scope.catalog);
  return output && unknownField(output.fields, rest.slice(1), `steps.${stepId}.output`, output.what, 'unknown-output-field');
}

function includes(list: readonly string[], item: string): boolean {
  return list.includes(item);
}

function unknownField(fields: readonly CatalogField[], path: string[], base: string, what: string, code: ProblemCode): Finding | undefined {
  if (path.length === 0) return undefined;
  const unknown = firstUnknownPrefix(fields, path);
  if (!unknown) return undefined;
  const known = unknown.length === 1 ? `; its fields are ${topLevelFieldNames(fields).join(', ')}` : '';
  return { code, message: `Reads ${base}.${unknown.join('.')}, which is not a field of ${what}${known}` };
}
