import type { JsonSchema } from './json-schema';
import { ExpansionBudgetExceeded, schemaLimits } from './schema-limits';

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
  /**
   * The `$defs` (or `definitions`) entries followed to reach this node. A walk that meets one of
   * them again below the node has met a recursive schema (a tree of comments) and stops there.
   */
  definitions: string[];
}

/**
 * Reads the nodes of one schema document, resolving its local `$ref`s, within a budget of
 * `schemaLimits.maxExpandedNodes` reads: past it, `read` throws `ExpansionBudgetExceeded`, so a
 * schema whose references expand exponentially costs a bounded walk, not 2^26 reads.
 */
export class SchemaReader {
  private nodesLeft: number = schemaLimits.maxExpandedNodes;

  constructor(readonly root: JsonSchema) {}

  /** `resolving`: definitions already followed on the way here; meeting one again reads as any value. */
  read(schema: JsonSchema, resolving: ReadonlySet<string> = new Set()): SchemaNode {
    if (--this.nodesLeft < 0) throw new ExpansionBudgetExceeded();
    // `true` and `false` are schemas too (any value, no value); neither has fields to list.
    const { resolved, definitions } = this.resolve(isObject(schema) ? schema : {}, resolving);
    const branches = [resolved.anyOf, resolved.oneOf].find(Array.isArray);
    if (branches) {
      const inner = new Set([...resolving, ...definitions]);
      const nonNull = branches.filter((branch) => !isNullOnly(branch));
      const nullable = nonNull.length < branches.length;
      const description = resolved.description;
      if (nonNull.length === 1 && nonNull[0]) {
        const node = this.read(nonNull[0], inner);
        return {
          ...node,
          nullable: nullable || node.nullable,
          description: description ?? node.description,
          definitions: [...definitions, ...node.definitions],
        };
      }
      const types = [...new Set(nonNull.flatMap((branch) => this.read(branch, inner).types))].sort();
      return { types, nullable, schema: resolved, description, definitions };
    }
    const declared = typeof resolved.type === 'string' ? [resolved.type] : (resolved.type ?? inferTypes(resolved));
    return {
      types: declared.filter((type) => type !== 'null').sort(),
      nullable: declared.includes('null'),
      schema: resolved,
      description: resolved.description,
      definitions,
    };
  }

  /**
   * Follows a chain of local references. The description nearest the use wins. A chain that comes
   * back to a definition it (or the read that called it) already followed has no schema of its
   * own and reads as any value.
   */
  private resolve(schema: JsonSchema, resolving: ReadonlySet<string>): { resolved: JsonSchema; definitions: string[] } {
    const definitions: string[] = [];
    let current = schema;
    let description = schema.description;
    for (let target = this.definition(current.$ref); target; target = this.definition(current.$ref)) {
      if (resolving.has(target.name) || definitions.includes(target.name)) return { resolved: { description }, definitions };
      definitions.push(target.name);
      description ??= target.schema.description;
      current = target.schema;
    }
    return { resolved: current === schema ? schema : { ...current, description }, definitions };
  }

  private definition(ref: string | undefined): { name: string; schema: JsonSchema } | undefined {
    const match = ref?.match(/^#\/(\$defs|definitions)\/(.+)$/);
    if (!match) return undefined;
    const definitions = this.root[match[1] as string];
    const key = decodeURIComponent(match[2] as string);
    if (!isObject(definitions) || !Object.hasOwn(definitions, key)) return undefined;
    const schema = (definitions as Record<string, unknown>)[key];
    return isObject(schema) ? { name: `${match[1]}/${key}`, schema: schema as JsonSchema } : undefined;
  }
}

/** The values an enum (or a const) allows, or undefined when the node is not an enum. */
export function allowedValues(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum.filter((value) => value !== null);
  if ('const' in schema) return [schema.const];
  return undefined;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
