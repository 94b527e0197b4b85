import { expressionLeaves, formatFieldPath, type FieldPath, type MappingObject } from '../definition/mapping-values';
import { nodeTypeOf, type ShallowNode } from '../nodes';
import type { CatalogField } from './catalog';
import { fieldOfExpression } from './data-in-scope';
import type { ParsedNode } from './parse-leniently';
import { problemAt, type Problem } from './problems';
import type { ReferenceScope } from './reference-scope';
import type { ScopeField } from './scope-tree';

/**
 * Each mapped expression that is a plain path fits the field it feeds, by the schemas on both
 * sides: a text into a number field is an error; an optional value into a required field a
 * warning, since a filter or branch before it may well guarantee it.
 */
export function checkMappingTypes(parsed: ParsedNode & { node: ShallowNode }, scope: ReferenceScope): Problem[] {
  const { node } = parsed;
  return (nodeTypeOf(node).mappingTargets?.(node, scope.catalog) ?? []).flatMap((target) => {
    const mapping = (node as unknown as Record<string, MappingObject>)[target.field] ?? {};
    return expressionLeaves(mapping).flatMap(({ path, source }): Problem[] => {
      const into = targetField(target.fields, path);
      const from = into && fieldOfExpression(source, parsed.id, scope);
      if (!into || !from) return [];
      const field = formatFieldPath([target.field, ...path]);
      const key = formatFieldPath(path);
      if (!mappingTypeFits(from, into)) {
        const message = `${from.path} is ${describeMappingType(from)}, but ${key} of ${target.what} takes ${describeMappingType(into)}`;
        return [problemAt(parsed.site, 'mapping-type-mismatch', message, field)];
      }
      if (from.optional && !into.optional) {
        const message = `${from.path} may be absent, but ${target.what} requires ${key}; map a value that is always there, or give a default (${from.path} ? ${from.path} : …)`;
        return [problemAt(parsed.site, 'mapping-may-be-absent', message, field, { severity: 'warning' })];
      }
      return [];
    });
  });
}

/** `lines[].sku` answers the mapping path `lines.0.sku`; `*` any key of a map. */
function targetField(fields: readonly CatalogField[], path: FieldPath): CatalogField | undefined {
  const wanted = path.map((key) => (typeof key === 'number' ? '[]' : key));
  return fields.find((field) => {
    const segments = field.path.split('.').flatMap((segment) => (segment.endsWith('[]') ? [segment.slice(0, -2), '[]'] : [segment]));
    return segments.length === wanted.length && segments.every((segment, index) => segment === wanted[index] || (segment === '*' && wanted[index] !== '[]'));
  });
}

const typesOf = (type: string) => type.split('|');
/** JSON Schema's integer is a number to a mapping: whether it is whole is known only in the run. */
const widen = (type: string) => (type === 'integer' ? 'number' : type);

function sourceTypes(from: ScopeField): string[] {
  if (from.perItem) return ['array'];
  const types = typesOf(from.type).filter((type) => type !== 'null');
  return types.length > 0 ? types : ['null'];
}

/** Whether what `from` holds can be what `into` takes: the validator's check, and the designer's before a field is dropped. */
export function mappingTypeFits(from: ScopeField, into: Pick<CatalogField, 'type'>): boolean {
  const source = sourceTypes(from);
  const target = typesOf(into.type);
  if (source.includes('unknown') || target.includes('unknown')) return true;
  return source.some((type) => target.some((wanted) => widen(type) === widen(wanted)));
}

export function describeMappingType(field: { type: string; perItem?: boolean }): string {
  if (field.perItem) return 'a list (one value per item of an array above it)';
  return typesOf(field.type).join(' or ');
}
