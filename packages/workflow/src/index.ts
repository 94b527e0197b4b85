// The workflow definition (DESIGN.md §5), its one expression engine and its one validator.
// Pure and browser-safe: the designer, the API and the worker's workflow code all import it.

export {
  workflowDefinitionSchema,
  workflowNodeSchema,
  edgeSchema,
  subFlowSchema,
  actionsCalledBy,
  type WorkflowDefinition,
  type WorkflowNode,
  type WorkflowEdge,
  type ForEachNode,
  type SubFlow,
  type NodeOf,
} from './definition/workflow';
export {
  nodeTypes,
  NODE_TYPES,
  isNodeType,
  bodyPortOf,
  nodeTypeOf,
  expressionExample,
  portsOf,
  requiredPortsOf,
  waitsForAllBranches,
  approvalFormFieldSchema,
  type ApprovalFormField,
  type NodeType,
  type ShallowNode,
  type NodeTypeDefinition,
  type NodeDesigner,
  type NewNodeContext,
  type LooseNode,
} from './nodes';
export { ERROR_PORT, DEFAULT_PORT, BODY_PORT } from './definition/port-names';
export {
  mappingSchema,
  mappingObjectSchema,
  isExpressionLeaf,
  expressionLeaves,
  formatFieldPath,
  type Mapping,
  type MappingObject,
  type ExpressionLeaf,
  type FieldPath,
} from './definition/mapping';
export { parseDuration } from './definition/duration';
export { readStoredDefinition, parseStoredDefinition, type StoredDefinition } from './definition/stored';
export { stickyNoteSchema, type StickyNote } from './definition/notes';
export { addBusinessTime, nextBusinessInstant, type BusinessHours } from './calendar/business-hours';

export { compileExpression, type CompiledExpression, type CompileResult } from './expressions/compile';
export { evaluateExpression, evaluateMapping, isTruthy, type EvaluationOptions } from './expressions/evaluate';
export { TRIGGER_FILTER_TIMEOUT_MS, triggerFilterVerdict, type FilterVerdict } from './expressions/trigger-filter';
export { referencedPaths, readPaths, type ReadPath } from './expressions/references';
export { ExpressionError, type ExpressionErrorKind } from './expressions/expression-error';
export { findExpressionSlips, type ExpressionSlips } from './expressions/slips';
export { expressionInLiteral } from './expressions/lookalike';
export { DEFAULT_LIMITS, MAX_SEQUENCE_LENGTH, type ExpressionLimits } from './expressions/sandbox';
export {
  CONTEXT_ROOTS,
  ENVELOPE_FIELDS,
  RUN_FIELDS,
  STEP_FIELDS,
  ITERATION_FIELDS,
  type ExpressionContext,
  type RunContext,
  type StepRecord,
  type ContextRoot,
} from './expressions/context';

export { validateWorkflow, type ValidationResult } from './validate/validate-workflow';
export { eventFieldReads, type EventFieldRead } from './validate/event-reads';
export { dataInScope, eventInScope } from './validate/data-in-scope';
export { fieldTree, type ScopeField } from './validate/scope-tree';
export { mappingTypeFits, describeMappingType } from './validate/mapping-types';
export { pinEventVersions } from './validate/pin-event-versions';
export { DEFINITION_LIMITS, checkDefinitionLimits } from './validate/definition-limits';
export { PROBLEM_CODES, isWarning, type Problem, type ProblemCode, type ProblemFix } from './validate/problems';
export {
  checkValue,
  type ValidationCatalog,
  type CatalogEvent,
  type CatalogAction,
  type CatalogWorkflow,
  type CatalogField,
  type SchemaIssue,
  type ValueCheck,
} from './validate/catalog';

export { reachableFrom, ancestorsOf, findCycleEdges, topologicalOrder, type GraphEdge } from './graph';
export { runOrder, type RunOrder } from './run-order';

export {
  findParameterReferences,
  substituteParameters,
  isParameterReference,
  MAX_TEMPLATE_DEPTH,
  type ParameterReference,
  type FoundReference,
  type ReferenceProblem,
} from './templates/parameter-references';
export { representativeValue } from './templates/representative-value';

export {
  diffDefinitions,
  type DefinitionDiff,
  type DiffNode,
  type ChangedNode,
  type DiffEdge,
  type DiffOptions,
  type TriggerSummary,
} from './diff/diff-definitions';
export { valueChanges, jsonEqual, MAX_DIFF_DEPTH, type FieldChange } from './diff/value-changes';
