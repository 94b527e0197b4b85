import type { EventDefinition } from './define-event';
import { payloadJsonSchema, type JsonSchema } from './json-schema';
import { allowedValues, readSchemaNode } from './schema-node';

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

/** The flat field list of a payload JSON Schema, parents before children, in declaration order. */
export function listPayloadFields(schema: JsonSchema): PayloadField[] {
  const fields: PayloadField[] = [];
  collectObjectFields(schema, schema, '', false, fields);
  return fields;
}

const fieldsByDefinition = new WeakMap<EventDefinition, PayloadField[]>();

export function payloadFieldsOf(definition: EventDefinition): PayloadField[] {
  const cached = fieldsByDefinition.get(definition);
  if (cached) return cached;
  const fields = listPayloadFields(payloadJsonSchema(definition));
  fieldsByDefinition.set(definition, fields);
  return fields;
}

function collectObjectFields(
  objectSchema: JsonSchema,
  root: JsonSchema,
  prefix: string,
  parentOptional: boolean,
  fields: PayloadField[],
): void {
  const required = new Set(objectSchema.required ?? []);
  for (const [name, propertySchema] of Object.entries(objectSchema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    collectField(propertySchema, root, path, parentOptional || !required.has(name), fields);
  }
  const mapValues = typeof objectSchema.additionalProperties === 'object' ? readSchemaNode(objectSchema.additionalProperties, root) : undefined;
  if (mapValues?.types.includes('object')) {
    // A map (record): its keys are not known in advance, so every value path goes through `*`.
    collectObjectFields(mapValues.schema, root, `${prefix}.*`, true, fields);
  }
}

function collectField(schema: JsonSchema, root: JsonSchema, path: string, optional: boolean, fields: PayloadField[]): void {
  const node = readSchemaNode(schema, root);
  const values = allowedValues(node.schema);
  const items = node.types.includes('array') && node.schema.items ? readSchemaNode(node.schema.items, root) : undefined;
  fields.push({
    path,
    type: typeName(node.types),
    ...(items ? { itemType: typeName(items.types) } : {}),
    ...(node.schema.format ? { format: node.schema.format } : {}),
    ...(values ? { enum: values } : {}),
    description: node.description ?? '',
    optional,
    nullable: node.nullable,
  });
  if (node.types.includes('object')) collectObjectFields(node.schema, root, path, optional, fields);
  if (items?.types.includes('object')) collectObjectFields(items.schema, root, `${path}[]`, optional, fields);
}

function typeName(types: string[]): string {
  return types.length > 0 ? types.join('|') : 'unknown';
}
