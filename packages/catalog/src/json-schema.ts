import { z } from 'zod';
import type { EventDefinition } from './define-event';

/** The subset of JSON Schema (draft 2020-12) that payload schemas use; other keywords pass through. */
export interface JsonSchema {
  $schema?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [keyword: string]: unknown;
}

const schemasByDefinition = new WeakMap<EventDefinition, JsonSchema>();

/**
 * The payload schema of an event as JSON Schema, the form tenants register their own event types
 * in and the form the compatibility check and the field list work on. `io: 'input'` describes what
 * a producer may send (fields with defaults are optional).
 */
export function payloadJsonSchema(definition: EventDefinition): JsonSchema {
  const cached = schemasByDefinition.get(definition);
  if (cached) return cached;
  const schema: JsonSchema = {
    ...(z.toJSONSchema(definition.payload, { target: 'draft-2020-12', io: 'input' }) as JsonSchema),
    title: definition.displayName,
    description: definition.description,
  };
  schemasByDefinition.set(definition, schema);
  return schema;
}
