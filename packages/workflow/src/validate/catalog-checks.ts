import { expressionLeaves, formatFieldPath, replaceExpressionLeaves, valueAtPath, type FieldPath, type MappingObject } from '../definition/mapping-values';
import { nodeTypeOf, type CatalogCheck, type ShallowNode } from '../nodes';
import type { SchemaIssue, ValidationCatalog, ValueCheck } from './catalog';
import type { ParsedNode } from './parse-leniently';
import { problemAt, type Problem } from './problems';

/** The node's event, action or sub-workflow exists, and its mapping fits what it feeds. */
export function checkAgainstCatalog(parsed: ParsedNode & { node: ShallowNode }, catalog: ValidationCatalog): Problem[] {
  const { node, site } = parsed;
  const check: CatalogCheck = {
    catalog,
    unknownEvent: (type) => problemAt(site, 'unknown-event', `The event type "${type}" is not in the catalog`, 'event'),
    problem: (code, message, field) => problemAt(site, code, message, field),
    mapping: (field, mapping, valueCheck, target) =>
      literalMappingIssues(mapping, valueCheck).map((issue) => {
        const missing = issue.path.length > 0 && valueAtPath(mapping, issue.path) === undefined;
        const message = missing ? `${target} requires this field (${issue.message})` : issue.message;
        return problemAt(site, 'invalid-mapping', message, formatFieldPath([field, ...issue.path.map(pathKey)]));
      }),
  };
  return nodeTypeOf(node).checkCatalog?.(node, check) ?? [];
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
