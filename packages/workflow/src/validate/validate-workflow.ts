import { formatFieldPath } from '../definition/mapping';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../definition/workflow';
import type { ShallowNode } from '../nodes';
import { checkAgainstCatalog } from './catalog-checks';
import type { ValidationCatalog } from './catalog';
import { checkDefinitionLimits } from './definition-limits';
import { checkNodeExpressions } from './expression-checks';
import { checkMappingTypes } from './mapping-types';
import { referenceScopeOf } from './reference-scope';
import { parseLeniently, type ParsedNode } from './parse-leniently';
import { isWarning, problemAt, type Problem } from './problems';
import { checkFlowStructure, checkUniqueIds, flowsOf } from './structure';

/**
 * `problems` are the errors, which keep a definition from being published; `warnings` point at what
 * is allowed but probably not meant (a literal "event.data.x"), and never block.
 */
export type ValidationResult =
  | { ok: true; definition: WorkflowDefinition; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/**
 * The one validator: the designer runs it as the admin draws, the API before publishing, the
 * worker before running. It reports every problem it finds, each addressed by node or edge id and
 * field, rather than stopping at the first.
 */
export function validateWorkflow(definition: unknown, catalog: ValidationCatalog): ValidationResult {
  // Past a limit nothing else is checked: the checks that follow grow with the definition.
  const oversize = checkDefinitionLimits(definition);
  if (oversize.length > 0) return { ok: false, problems: oversize, warnings: [] };
  const parsed = parseLeniently(definition);
  // Not even an object: nothing further could be said that would help.
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) return { ok: false, problems: parsed.problems, warnings: [] };
  const scope = referenceScopeOf(parsed, catalog, (definition as { variables?: unknown }).variables);
  const flows = flowsOf(parsed.root);
  const checked = flows.flatMap((flow) => flow.nodes).filter((node): node is ParsedNode & { node: ShallowNode } => node.node !== undefined);
  const found = [
    ...parsed.problems,
    ...checkUniqueIds(flows),
    ...flows.flatMap(checkFlowStructure),
    ...checked.flatMap((node) => [...checkAgainstCatalog(node, catalog), ...checkNodeExpressions(node, scope), ...checkMappingTypes(node, scope)]),
  ];
  const problems = found.filter((problem) => !isWarning(problem));
  const warnings = found.filter(isWarning);
  if (problems.length > 0) return { ok: false, problems, warnings };
  // Every part parsed on its own; parsing the whole gives the typed definition.
  const whole = workflowDefinitionSchema.safeParse(definition);
  if (whole.success) return { ok: true, definition: whole.data, warnings };
  const schemaProblems = whole.error.issues.map((issue) => problemAt({}, 'schema', issue.message, formatFieldPath(issue.path.map(String))));
  return { ok: false, problems: schemaProblems, warnings };
}
