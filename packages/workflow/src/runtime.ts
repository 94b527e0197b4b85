// What running a workflow needs, and nothing more: workflow code imports this entry, not the
// package's main one, because Temporal evaluates a workflow bundle's modules anew for every run
// and the definition schemas (zod) and the validator would cost each run several milliseconds.

export { ERROR_PORT, DEFAULT_PORT, BODY_PORT } from './definition/port-names';
export { isExpressionLeaf, type Mapping, type MappingObject, type ExpressionLeaf } from './definition/mapping-values';
export { parseDuration } from './definition/duration';
export { addBusinessTime, nextBusinessInstant, type BusinessHours } from './calendar/business-hours';
export {
  evaluateExpression,
  evaluateExpressionDirectly,
  evaluateMapping,
  evaluateMappingDirectly,
  isTruthy,
  type EvaluationOptions,
} from './expressions/evaluate';
export { ExpressionError } from './expressions/expression-error';
export { TRIGGER_FILTER_TIMEOUT_MS } from './expressions/trigger-filter';
export type { ExpressionContext, RunContext, StepRecord } from './expressions/context';
export type { WorkflowDefinition, WorkflowNode, WorkflowEdge, ForEachNode, SubFlow, NodeOf } from './definition/workflow';
export type { NodeType } from './nodes';
