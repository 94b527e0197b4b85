import type { JsonSchema } from './json-schema';

/**
 * One schema node reduced to what the field list and the compatibility check compare: its types
 * with `null` split off, and the branch to look into. Zod writes a nullable field either as
 * `type: ["string", "null"]` or as `anyOf: [{…}, {type: "null"}]`; tenants' schemas may use
 * `oneOf` or local `$ref`s. All of them read the same here.
 */
export interface SchemaNode {
  /** Sorted JSON types, without "null"; empty when the node accepts any value. */
  types: string[];
  nullable: boolean;
  /** The non-null branch, with local references resolved. */
  schema: JsonSchema;
  description: string | undefined;
}

export function readSchemaNode(schema: JsonSchema, root: JsonSchema): SchemaNode {
  const resolved = resolveReference(schema, root);
  const branches = resolved.anyOf ?? resolved.oneOf;
  if (branches) {
    const nonNull = branches.filter((branch) => !isNullOnly(branch));
    const nullable = nonNull.length < branches.length;
    const description = resolved.description;
    if (nonNull.length === 1 && nonNull[0]) {
      const inner = readSchemaNode(nonNull[0], root);
      return { ...inner, nullable: nullable || inner.nullable, description: description ?? inner.description };
    }
    const types = [...new Set(nonNull.flatMap((branch) => readSchemaNode(branch, root).types))].sort();
    return { types, nullable, schema: resolved, description };
  }
  const declared = typeof resolved.type === 'string' ? [resolved.type] : (resolved.type ?? inferTypes(resolved));
  return {
    types: declared.filter((type) => type !== 'null').sort(),
    nullable: declared.includes('null'),
    schema: resolved,
    description: resolved.description,
  };
}

/** The values an enum (or a const) allows, or undefined when the node is not an enum. */
export function allowedValues(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum.filter((value) => value !== null);
  if ('const' in schema) return [schema.const];
  return undefined;
}

function resolveReference(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const match = schema.$ref?.match(/^#\/(\$defs|definitions)\/(.+)$/);
  if (!match) return schema;
  const definitions = root[match[1] as string] as Record<string, JsonSchema> | undefined;
  const target = definitions?.[decodeURIComponent(match[2] as string)];
  return target ? { ...resolveReference(target, root), description: schema.description ?? target.description } : schema;
}

function isNullOnly(schema: JsonSchema): boolean {
  return schema.type === 'null' || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null);
}

function inferTypes(schema: JsonSchema): string[] {
  if (schema.properties || schema.additionalProperties) return ['object'];
  if (schema.items) return ['array'];
  const values = allowedValues(schema) ?? [];
  return [...new Set(values.map((value) => (Number.isInteger(value) ? 'integer' : typeof value)))];
}
