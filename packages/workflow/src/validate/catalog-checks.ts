import { expressionLeaves, formatFieldPath, replaceExpressionLeaves, valueAtPath, type FieldPath, type MappingObject } from '../definition/mapping';
import type { ShallowNode } from '../definition/workflow';
import { checkValue, type SchemaIssue, type ValidationCatalog, type ValueCheck } from './catalog';
import type { ParsedNode } from './parse-leniently';
import { problemAt, type Problem } from './problems';

/** The node's event, action or sub-workflow exists, and its mapping fits what it feeds. */
export function checkAgainstCatalog(parsed: ParsedNode & { node: ShallowNode }, catalog: ValidationCatalog): Problem[] {
  const { node, site } = parsed;
  const unknownEvent = (type: string) => problemAt(site, 'unknown-event', `The event type "${type}" is not in the catalog`, 'event');
  const mappingProblems = (field: string, mapping: MappingObject, check: ValueCheck, target: string) =>
    literalMappingIssues(mapping, check).map((issue) => {
      const missing = issue.path.length > 0 && valueAtPath(mapping, issue.path) === undefined;
      const message = missing ? `${target} requires this field (${issue.message})` : issue.message;
      return problemAt(site, 'invalid-mapping', message, formatFieldPath([field, ...issue.path.map(pathKey)]));
    });
  switch (node.type) {
    case 'trigger':
    case 'waitForEvent':
      return catalog.getEvent(node.event) ? [] : [unknownEvent(node.event)];
    case 'emit': {
      const event = catalog.getEvent(node.event, node.version);
      if (event) return mappingProblems('data', node.data, event.validatePayload, `The payload of ${node.event} v${event.version}`);
      const latest = node.version === undefined ? undefined : catalog.getEvent(node.event);
      if (!latest) return [unknownEvent(node.event)];
      return [problemAt(site, 'unknown-event-version', `${node.event} has no version ${node.version}; its latest is ${latest.version}`, 'version')];
    }
    case 'action': {
      const action = catalog.getAction(node.action);
      if (!action) return [problemAt(site, 'unknown-action', `No action "${node.action}" is registered`, 'action')];
      return mappingProblems('input', node.input, (value) => checkValue(action.input, value), `The input of ${node.action}`);
    }
    case 'subWorkflow': {
      if (!catalog.getWorkflow) return [];
      const workflow = catalog.getWorkflow(node.workflow, node.version);
      if (!workflow) return [problemAt(site, 'unknown-workflow', `Workflow "${node.workflow}" has no published version ${node.version}`, 'workflow')];
      return workflow.validateInput ? mappingProblems('input', node.input, workflow.validateInput, `The input of workflow ${node.workflow}`) : [];
    }
    default:
      return [];
  }
}

/**
 * What a schema says about a mapping's literal leaves and missing keys. Expression leaves are
 * unknown until the run, so the check sees them as absent and ignores whatever it then says at,
 * under or above them (an object-level rule may depend on their values).
 */
export function literalMappingIssues(mapping: MappingObject, check: ValueCheck): SchemaIssue[] {
  const expressionPaths = expressionLeaves(mapping).map((leaf) => leaf.path);
  let issues: SchemaIssue[];
  try {
    issues = check(replaceExpressionLeaves(mapping, () => undefined));
  } catch {
    // A schema whose transforms cannot run on a partial value cannot be checked before the run.
    return [];
  }
  const related = (a: ReadonlyArray<PropertyKey>, b: FieldPath) => {
    const shorter = Math.min(a.length, b.length);
    return a.slice(0, shorter).every((key, index) => String(key) === String(b[index]));
  };
  return issues.filter((issue) => !expressionPaths.some((path) => related(issue.path, path)));
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === 'symbol' ? String(key) : key;
}
