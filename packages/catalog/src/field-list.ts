import type { EventDefinition } from './define-event';
import { payloadJsonSchema, type JsonSchema } from './json-schema';
import { ExpansionBudgetExceeded, schemaLimits, type ExpansionLimit } from './schema-limits';
import { allowedValues, SchemaReader } from './schema-node';

/** One entry of the designer's field picker: where a value lives in `event.data` and what it is. */
export interface PayloadField {
  /** `applications[].invoiceId`: `[]` steps into array items, `*` into the values of a map. */
  path: string;
  /** JSON type, `unknown` for any value; unions are joined with `|`. */
  type: string;
  /** Element type of an array field. */
  itemType?: string;
  format?: string;
  enum?: unknown[];
  description: string;
  /** True when the value may be absent: the field or one of its parents is optional. */
  optional: boolean;
  nullable: boolean;
}

export interface FieldExpansion {
  fields: PayloadField[];
  /** Set when the walk stopped at a limit before listing every field. */
  stoppedAt?: ExpansionLimit;
}

/**
 * The flat field list of a payload JSON Schema, parents before children, in declaration order.
 * A recursive field (a comment's `replies`, whose items are comments again) is listed once, with
 * its type, and not descended into. The list is bounded by `schemaLimits`: a schema stored before
 * registration enforced them yields the fields found until the walk stopped.
 */
export function listPayloadFields(schema: JsonSchema): PayloadField[] {
  return expandPayloadFields(schema).fields;
}

/** `listPayloadFields`, saying whether (and where) a limit cut the walk short. */
export function expandPayloadFields(schema: JsonSchema): FieldExpansion {
  const walk: FieldWalk = { reader: new SchemaReader(schema), fields: [] };
  try {
    collectObjectFields(walk, walk.reader.read(schema), '', 0, false);
  } catch (error) {
    if (!(error instanceof ExpansionBudgetExceeded)) throw error;
    walk.stoppedAt ??= { limit: 'maxExpandedNodes', path: walk.fields.at(-1)?.path ?? '(root)' };
  }
  return { fields: walk.fields, ...(walk.stoppedAt ? { stoppedAt: walk.stoppedAt } : {}) };
}

const fieldsByDefinition = new WeakMap<EventDefinition, PayloadField[]>();

export function payloadFieldsOf(definition: EventDefinition): PayloadField[] {
  const cached = fieldsByDefinition.get(definition);
  if (cached) return cached;
  const fields = listPayloadFields(payloadJsonSchema(definition));
  fieldsByDefinition.set(definition, fields);
  return fields;
}

interface FieldWalk {
  reader: SchemaReader;
  fields: PayloadField[];
  stoppedAt?: ExpansionLimit;
}

/** An object node's `definitions` hold every `$defs` entry followed on the way to it. */
interface ObjectNode {
  schema: JsonSchema;
  definitions: readonly string[];
}

function collectObjectFields(walk: FieldWalk, object: ObjectNode, prefix: string, depth: number, parentOptional: boolean): void {
  if (depth >= schemaLimits.maxFieldDepth) {
    walk.stoppedAt ??= { limit: 'maxFieldDepth', path: prefix };
    return;
  }
  const ancestors = new Set(object.definitions);
  const required = new Set(Array.isArray(object.schema.required) ? object.schema.required : []);
  for (const [name, propertySchema] of Object.entries(object.schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    collectField(walk, propertySchema, ancestors, path, depth, parentOptional || !required.has(name));
  }
  const additional = object.schema.additionalProperties;
  const mapValues = typeof additional === 'object' ? walk.reader.read(additional) : undefined;
  if (mapValues?.types.includes('object') && !revisits(mapValues.definitions, ancestors)) {
    // A map (record): its keys are not known in advance, so every value path goes through `*`.
    collectObjectFields(walk, within(mapValues, ancestors), `${prefix}.*`, depth + 1, true);
  }
}

function collectField(walk: FieldWalk, schema: JsonSchema, ancestors: ReadonlySet<string>, path: string, depth: number, optional: boolean): void {
  const { reader, fields } = walk;
  const node = reader.read(schema);
  const values = allowedValues(node.schema);
  const items = node.types.includes('array') && node.schema.items ? reader.read(node.schema.items) : undefined;
  fields.push({
    path,
    type: typeName(node.types),
    ...(items ? { itemType: typeName(items.types) } : {}),
    ...(typeof node.schema.format === 'string' ? { format: node.schema.format } : {}),
    ...(values ? { enum: values } : {}),
    description: typeof node.description === 'string' ? node.description : '',
    optional,
    nullable: node.nullable,
  });
  // A field whose schema is one of its own ancestors is recursive: its fields are listed above.
  if (revisits(node.definitions, ancestors)) return;
  const inField = within(node, ancestors);
  if (node.types.includes('object')) collectObjectFields(walk, inField, path, depth + 1, optional);
  if (items?.types.includes('object') && !revisits(items.definitions, inField.definitions)) {
    collectObjectFields(walk, within(items, inField.definitions), `${path}[]`, depth + 1, optional);
  }
}

const revisits = (definitions: readonly string[], ancestors: Iterable<string>): boolean => {
  const seen = new Set(ancestors);
  return definitions.some((name) => seen.has(name));
};

const within = (node: ObjectNode, ancestors: Iterable<string>): ObjectNode => ({
  schema: node.schema,
  definitions: [...ancestors, ...node.definitions],
});

function typeName(types: string[]): string {
  return types.length > 0 ? types.join('|') : 'unknown';
}
