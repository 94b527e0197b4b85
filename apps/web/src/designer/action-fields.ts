import type { ActionManifest } from '@cascade/actions/manifest';
import { listPayloadFields, type JsonSchema, type PayloadField } from '@cascade/catalog';
import { z } from 'zod';

/** An action's input and output as field lists: what the data picker and the generated input form show. */
export interface ActionFields {
  inputFields?: PayloadField[];
  outputFields?: PayloadField[];
}

/**
 * The field list of an object schema, or undefined when it names no properties (`{"type":
 * "object"}`, a record): then anything may be read beneath it, and nothing is checked.
 */
export function objectSchemaFields(schema: unknown): PayloadField[] | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const { properties } = schema as JsonSchema;
  if (typeof properties !== 'object' || properties === null || Object.keys(properties).length === 0) return undefined;
  return listPayloadFields(schema as JsonSchema);
}

const byManifest = new WeakMap<ActionManifest, ActionFields>();

/** A built-in action's fields, from its zod schemas (the same JSON Schema the actions API lists). */
export function manifestFields(manifest: ActionManifest): ActionFields {
  let fields = byManifest.get(manifest);
  if (!fields) {
    const schema = (type: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(type, { io, unrepresentable: 'any' });
    const inputFields = objectSchemaFields(schema(manifest.input, 'input'));
    const outputFields = objectSchemaFields(schema(manifest.output, 'output'));
    fields = { ...(inputFields ? { inputFields } : {}), ...(outputFields ? { outputFields } : {}) };
    byManifest.set(manifest, fields);
  }
  return fields;
}
