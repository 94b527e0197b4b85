import type { JsonSchema } from './json-schema';
import { allowedValues, readSchemaNode, type SchemaNode } from './schema-node';

export type SchemaChangeKind =
  | 'added-optional'
  | 'added-required'
  | 'removed'
  | 'retyped'
  | 'made-required'
  | 'made-optional'
  | 'enum-narrowed'
  | 'enum-widened';

export interface SchemaChange {
  /** Field path in the field-list notation: `applications[].invoiceId`; `(root)` for the payload itself. */
  path: string;
  change: SchemaChangeKind;
  /** Whether payloads valid under the previous schema may fail the next one, or lose a field consumers read. */
  breaking: boolean;
  /** What the field was, for retypes and enum changes, e.g. `string (date-time)` or `"LOW", "HIGH"`. */
  previous?: string;
  /** What the field is now. */
  next?: string;
}

export interface CompatibilityResult {
  /** `none`: same contract; `minor`: additive, same major version; `major`: needs a new major version. */
  kind: 'none' | 'minor' | 'major';
  changes: SchemaChange[];
}

/** Semantic versioning of event schemas (002 §9): what each kind of change does to the version. */
const isBreaking: Record<SchemaChangeKind, boolean> = {
  'added-optional': false,
  'made-optional': false,
  'enum-widened': false,
  'added-required': true,
  removed: true,
  retyped: true,
  'made-required': true,
  'enum-narrowed': true,
};

/**
 * Compares two versions of a payload schema. Works on JSON Schema so that it serves built-in events
 * and tenant-registered event types alike. A rename shows as the old field removed and the new one added.
 */
export function checkCompatibility(previous: JsonSchema, next: JsonSchema): CompatibilityResult {
  const changes: SchemaChange[] = [];
  compareNodes(readSchemaNode(previous, previous), readSchemaNode(next, next), '', { previous, next }, changes);
  const kind = changes.some((change) => change.breaking) ? 'major' : changes.length > 0 ? 'minor' : 'none';
  return { kind, changes };
}

interface Roots {
  previous: JsonSchema;
  next: JsonSchema;
}

function record(changes: SchemaChange[], path: string, change: SchemaChangeKind, detail: Pick<SchemaChange, 'previous' | 'next'> = {}) {
  changes.push({ path: path || '(root)', change, breaking: isBreaking[change], ...detail });
}

function compareNodes(previous: SchemaNode, next: SchemaNode, path: string, roots: Roots, changes: SchemaChange[]): void {
  if (typeSignature(previous) !== typeSignature(next)) {
    record(changes, path, 'retyped', { previous: typeSignature(previous), next: typeSignature(next) });
    return;
  }
  compareAllowedValues(previous.schema, next.schema, path, changes);
  if (previous.types.includes('object')) compareProperties(previous.schema, next.schema, path, roots, changes);
  if (previous.types.includes('array') && previous.schema.items && next.schema.items) {
    compareNodes(readSchemaNode(previous.schema.items, roots.previous), readSchemaNode(next.schema.items, roots.next), `${path}[]`, roots, changes);
  }
}

function compareProperties(previous: JsonSchema, next: JsonSchema, path: string, roots: Roots, changes: SchemaChange[]): void {
  const previousProperties = previous.properties ?? {};
  const nextProperties = next.properties ?? {};
  const previousRequired = new Set(previous.required ?? []);
  const nextRequired = new Set(next.required ?? []);
  const childPath = (name: string) => (path ? `${path}.${name}` : name);

  for (const name of Object.keys(previousProperties)) {
    if (!(name in nextProperties)) record(changes, childPath(name), 'removed');
  }
  for (const [name, nextProperty] of Object.entries(nextProperties)) {
    const previousProperty = previousProperties[name];
    if (!previousProperty) {
      record(changes, childPath(name), nextRequired.has(name) ? 'added-required' : 'added-optional');
      continue;
    }
    if (previousRequired.has(name) !== nextRequired.has(name)) {
      record(changes, childPath(name), nextRequired.has(name) ? 'made-required' : 'made-optional');
    }
    compareNodes(readSchemaNode(previousProperty, roots.previous), readSchemaNode(nextProperty, roots.next), childPath(name), roots, changes);
  }

  const previousValues = previous.additionalProperties;
  const nextValues = next.additionalProperties;
  if (typeof previousValues === 'object' && typeof nextValues === 'object') {
    compareNodes(readSchemaNode(previousValues, roots.previous), readSchemaNode(nextValues, roots.next), `${path}.*`, roots, changes);
  }
}

function compareAllowedValues(previous: JsonSchema, next: JsonSchema, path: string, changes: SchemaChange[]): void {
  const previousValues = allowedValues(previous);
  const nextValues = allowedValues(next);
  if (!previousValues && !nextValues) return;
  // No enum means "any value of the type": adding one narrows, dropping one widens.
  const removed = nextValues ? (previousValues ?? []).filter((value) => !nextValues.includes(value)) : [];
  const added = previousValues ? (nextValues ?? []).filter((value) => !previousValues.includes(value)) : [];
  const detail = { previous: listValues(previousValues), next: listValues(nextValues) };
  if (removed.length > 0 || (!previousValues && nextValues)) record(changes, path, 'enum-narrowed', detail);
  else if (added.length > 0 || (previousValues && !nextValues)) record(changes, path, 'enum-widened', detail);
}

function typeSignature(node: SchemaNode): string {
  const types = node.types.length > 0 ? node.types.join(' | ') : 'any';
  const format = node.schema.format ? ` (${node.schema.format})` : '';
  return `${types}${format}${node.nullable ? ' | null' : ''}`;
}

function listValues(values: unknown[] | undefined): string {
  return values ? values.map((value) => JSON.stringify(value)).join(', ') : 'any value';
}
