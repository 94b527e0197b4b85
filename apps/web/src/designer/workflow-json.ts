import { checkDefinitionLimits, DEFINITION_LIMITS } from '@cascade/workflow';
import { z } from 'zod';
import { readDraft, type DraftDefinition } from './draft';

/**
 * A workflow as JSON text, in and out: what export writes, and what import, paste and the JSON view
 * accept. Input is checked before it is trusted: its size before it is parsed, its nesting without
 * recursion, then its shape, so a hostile file costs no more than reading it and is refused whole.
 */

/** Nesting no workflow comes near (five levels of forEach with mappings inside), far below what exhausts a stack. */
export const MAX_JSON_DEPTH = 64;

export type ParsedWorkflow = { ok: true; definition: DraftDefinition } | { ok: false; error: string };

const Position = z.object({ x: z.number(), y: z.number() });
const Node = z.looseObject({ id: z.string().min(1), type: z.string().min(1), label: z.string().optional(), position: Position.optional() });
const Edge = z.looseObject({ id: z.string().min(1), from: z.string().min(1), to: z.string().min(1), port: z.string().optional() });
const Workflow = z.looseObject({
  schemaVersion: z.literal(1).optional(),
  name: z.string().trim().min(1).max(200),
  nodes: z.array(Node),
  edges: z.array(Edge),
});

export function parseWorkflowJson(text: string): ParsedWorkflow {
  // Characters are at least one byte each: a longer text is over the limit however it is encoded.
  if (text.length > DEFINITION_LIMITS.bytes) {
    return { ok: false, error: `The JSON is ${megabytes(text.length)}; a workflow is at most ${megabytes(DEFINITION_LIMITS.bytes)}` };
  }
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) return { ok: false, error: `The JSON is nested ${depth} levels deep; a workflow needs at most ${MAX_JSON_DEPTH}` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not JSON: ${(error as Error).message}` };
  }
  const shape = Workflow.safeParse(value);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    const where = issue.path.length === 0 ? 'The JSON' : jsonPath(issue.path);
    return { ok: false, error: `${where}: ${issue.message} (expected a workflow: { "name", "nodes": [{ "id", "type" }], "edges": [{ "id", "from", "to" }] })` };
  }
  const limits = checkDefinitionLimits(value);
  if (limits.length > 0) return { ok: false, error: limits[0]!.message };
  return { ok: true, definition: readDraft(value, shape.data.name).definition };
}

/** The definition as an exported file holds it: indented, so it reads and diffs well. */
export const workflowJson = (definition: DraftDefinition): string => `${JSON.stringify(definition, null, 2)}\n`;

/** `Log SLA breaches` → `log-sla-breaches.workflow.json`. */
export function exportFileName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug || 'workflow'}.workflow.json`;
}

/** `name`, or `name (2)`, `name (3)`, … : the first that no workflow in `taken` has. */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  for (let n = 2; ; n += 1) if (!names.has(`${name} (${n})`)) return `${name} (${n})`;
}

/** The deepest nesting of arrays and objects, counted in one pass that skips over strings. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

const jsonPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}${out ? '.' : ''}${String(key)}`), '');

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
