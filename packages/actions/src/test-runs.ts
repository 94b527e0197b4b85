import { z } from 'zod';
import type { ActionManifest } from './define-action';
import { getActionManifest } from './manifest';

/**
 * How a draft's test run treats actions (DESIGN.md §9): a call with side effects is stubbed
 * with a canned output unless its author allows it. Browser-safe: the designer's test panel and
 * the worker decide alike.
 */

/**
 * Whether a test run stubs this call by default: an action with side effects (by its manifest,
 * or by the call's input where the manifest says so), and every remote action, which may always
 * have. `input` may be the node's mapping, where an expression counts as a value that may write.
 */
export function stubbedByDefault(actionId: string, input: unknown): boolean {
  const manifest = getActionManifest(actionId);
  if (!manifest) return true;
  return manifest.callHasSideEffects ? manifest.callHasSideEffects(input) : manifest.sideEffects;
}

/** The canned output a stub answers until its author edits it: a value of the action's output schema. */
export function defaultCannedOutput(manifest: ActionManifest | undefined, remoteOutputSchema?: unknown): unknown {
  if (manifest) return sampleOfJsonSchema(z.toJSONSchema(manifest.output, { io: 'output', unrepresentable: 'any' }));
  return sampleOfJsonSchema(remoteOutputSchema);
}

const MAX_SAMPLE_DEPTH = 8;

/** A small value a JSON Schema accepts: its example, default or first enum value, else the plainest value of its type. */
export function sampleOfJsonSchema(schema: unknown, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null || depth > MAX_SAMPLE_DEPTH) return null;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if ('default' in s) return s.default;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const alternatives = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) return sampleOfJsonSchema(alternatives[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : Object.keys(properties));
      return Object.fromEntries(Object.entries(properties).filter(([name]) => required.has(name)).map(([name, property]) => [name, sampleOfJsonSchema(property, depth + 1)]));
    }
    case 'array':
      return [];
    case 'string':
      return s.format === 'date-time' ? '1970-01-01T00:00:00.000Z' : '';
    case 'integer':
    case 'number':
      // Zero, unless the schema's range starts above it (zod's int starts at -2^53).
      return typeof s.minimum === 'number' && s.minimum > 0 ? s.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}
