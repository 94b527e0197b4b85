import { representativeValue, type ScopeField } from '@cascade/workflow';

/**
 * A made-up value of the shape the schemas give a field, for previews where no real value exists
 * (a step that has not run, a generated event): the first of an enum, `sample <name>` for text, a
 * date-time or e-mail of the right form, 1 for numbers, one item for a list, each field of an object.
 */
export function sampleOf(field: ScopeField): unknown {
  if (field.enum && field.enum.length > 0) return field.enum[0];
  const type = field.type.split('|').find((candidate) => candidate !== 'null') ?? 'null';
  switch (type) {
    case 'object':
      return objectOf(field.children);
    case 'array':
      return [field.children.length > 0 ? objectOf(field.children) : sampleOfType(field.itemType ?? 'unknown', field.name)];
    default:
      return field.format ? representativeValue({ type: 'string', format: field.format }) : sampleOfType(type, field.name);
  }
}

/** The fields as one object; a wildcard (`*`, any key) is left out, it names no key to fill. */
function objectOf(fields: readonly ScopeField[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((child) => child.name !== '*').map((child) => [child.name, sampleOf(child)]));
}

function sampleOfType(type: string, name: string): unknown {
  switch (type) {
    case 'string':
      return `sample ${name}`;
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'object':
      return {};
    case 'array':
      return [];
    default:
      return null;
  }
}

/**
 * A made-up item of the body `ownerId` holds, as a node inside it sees `steps.<ownerId>.item` (the
 * fields in scope of that node): what a test of the node alone runs with when no item is pinned.
 */
export function bodyItemSample(fieldsInScope: readonly ScopeField[], ownerId: string): unknown {
  const item = fieldsInScope.find((root) => root.path === `steps.${ownerId}`)?.children.find((child) => child.name === 'item');
  return item ? sampleOf(item) : null;
}
