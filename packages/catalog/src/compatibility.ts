import type { JsonSchema } from './json-schema';
import { schemaLimits } from './schema-limits';
import { allowedValues, SchemaReader, type SchemaNode } from './schema-node';

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
 *
 * Recursive schemas are compared down to where either side meets a `$defs` entry it is already
 * inside (what lies below was compared there), and no deeper than `schemaLimits.maxFieldDepth`.
 * Throws `ExpansionBudgetExceeded` when either side expands past `schemaLimits.maxExpandedNodes`.
 */
export function checkCompatibility(previous: JsonSchema, next: JsonSchema): CompatibilityResult {
  const changes: SchemaChange[] = [];
  const walk: Walk = { previous: new SchemaReader(previous), next: new SchemaReader(next), changes };
  compareNodes(walk, side(walk.previous.read(previous)), side(walk.next.read(next)), '', 0);
  const kind = changes.some((change) => change.breaking) ? 'major' : changes.length > 0 ? 'minor' : 'none';
  return { kind, changes };
}

interface Walk {
  previous: SchemaReader;
  next: SchemaReader;
  changes: SchemaChange[];
}

/** A node of one side, with the `$defs` entries followed from the root down to it. */
interface Side {
  node: SchemaNode;
  ancestors: readonly string[];
  /** Whether one of the node's own definitions is among its ancestors: a recursive schema. */
  recursive: boolean;
}

const side = (node: SchemaNode, parent: readonly string[] = []): Side => ({
  node,
  ancestors: [...parent, ...node.definitions],
  recursive: node.definitions.some((name) => parent.includes(name)),
});

function record(changes: SchemaChange[], path: string, change: SchemaChangeKind, detail: Pick<SchemaChange, 'previous' | 'next'> = {}) {
  changes.push({ path: path || '(root)', change, breaking: isBreaking[change], ...detail });
}

function compareNodes(walk: Walk, previous: Side, next: Side, path: string, depth: number): void {
  if (typeSignature(previous.node) !== typeSignature(next.node)) {
    record(walk.changes, path, 'retyped', { previous: typeSignature(previous.node), next: typeSignature(next.node) });
    return;
  }
  compareAllowedValues(previous.node.schema, next.node.schema, path, walk.changes);
  if (previous.recursive || next.recursive || depth >= schemaLimits.maxFieldDepth) return;
  if (previous.node.types.includes('object')) compareProperties(walk, previous, next, path, depth);
  const previousItems = previous.node.schema.items;
  const nextItems = next.node.schema.items;
  if (previous.node.types.includes('array') && previousItems && nextItems) {
    const items = (reader: SchemaReader, schema: JsonSchema, parent: Side) => side(reader.read(schema), parent.ancestors);
    compareNodes(walk, items(walk.previous, previousItems, previous), items(walk.next, nextItems, next), `${path}[]`, depth + 1);
  }
}

function compareProperties(walk: Walk, previous: Side, next: Side, path: string, depth: number): void {
  const { changes } = walk;
  const previousProperties = previous.node.schema.properties ?? {};
  const nextProperties = next.node.schema.properties ?? {};
  const previousRequired = new Set(previous.node.schema.required ?? []);
  const nextRequired = new Set(next.node.schema.required ?? []);
  const childPath = (name: string) => (path ? `${path}.${name}` : name);
  const child = (reader: SchemaReader, schema: JsonSchema, parent: Side) => side(reader.read(schema), parent.ancestors);

  for (const name of Object.keys(previousProperties)) {
    if (!Object.hasOwn(nextProperties, name)) record(changes, childPath(name), 'removed');
  }
  for (const [name, nextProperty] of Object.entries(nextProperties)) {
    if (!Object.hasOwn(previousProperties, name)) {
      record(changes, childPath(name), nextRequired.has(name) ? 'added-required' : 'added-optional');
      continue;
    }
    const previousProperty = previousProperties[name] as JsonSchema;
    if (previousRequired.has(name) !== nextRequired.has(name)) {
      record(changes, childPath(name), nextRequired.has(name) ? 'made-required' : 'made-optional');
    }
    compareNodes(walk, child(walk.previous, previousProperty, previous), child(walk.next, nextProperty, next), childPath(name), depth + 1);
  }

  const previousValues = previous.node.schema.additionalProperties;
  const nextValues = next.node.schema.additionalProperties;
  if (typeof previousValues === 'object' && typeof nextValues === 'object') {
    compareNodes(walk, child(walk.previous, previousValues, previous), child(walk.next, nextValues, next), `${path}.*`, depth + 1);
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
