import { expandPayloadFields } from './field-list';
import type { FieldError } from './field-errors';
import type { JsonSchema } from './json-schema';
import { describeExpansionLimit, schemaLimits } from './schema-limits';

/**
 * Checks a JSON Schema a tenant registers against `schemaLimits`: its size, its nesting, and what
 * its field list expands to once local `$ref`s are followed. `at` is the JSON Pointer of the
 * schema in the request (`/jsonSchema`), which the problems' paths start with. Recursion is
 * accepted (the field list stops at it); only what no walk could finish is refused.
 */
export function checkSchemaLimits(schema: JsonSchema, at: string): FieldError[] {
  const tooDeep = firstPointerDeeperThan(schema, schemaLimits.maxDepth);
  if (tooDeep !== undefined) {
    return [{ path: `${at}${tooDeep}`, message: `The schema nests objects and arrays more than ${schemaLimits.maxDepth} levels deep`, expected: `at most ${schemaLimits.maxDepth} levels (schemaLimits.maxDepth)` }];
  }
  const bytes = new TextEncoder().encode(JSON.stringify(schema)).length;
  if (bytes > schemaLimits.maxBytes) {
    return [{ path: at, message: `The schema is ${bytes} bytes long`, expected: `at most ${schemaLimits.maxBytes} bytes (schemaLimits.maxBytes)` }];
  }
  const { stoppedAt } = expandPayloadFields(schema);
  if (stoppedAt) {
    const limit = stoppedAt.limit === 'maxExpandedNodes' ? `at most ${schemaLimits.maxExpandedNodes} schema nodes once $refs are followed` : `fields nested at most ${schemaLimits.maxFieldDepth} levels deep`;
    return [{ path: at, message: describeExpansionLimit(stoppedAt), expected: `${limit} (schemaLimits.${stoppedAt.limit})` }];
  }
  return [];
}

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
  depth: number;
}

/**
 * Walks without recursion, so a hostile nesting cannot overflow the stack it is measured on, and
 * spells out only the pointer it reports (building every pointer could cost depth × size).
 */
export function firstPointerDeeperThan(document: unknown, maxDepth: number): string | undefined {
  const pending: Visit[] = [{ value: document, key: '', parent: undefined, depth: 0 }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    if (visit.depth >= maxDepth) return pointerOf(visit);
    for (const [key, value] of Object.entries(visit.value)) pending.push({ value, key, parent: visit, depth: visit.depth + 1 });
  }
  return undefined;
}

function pointerOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.unshift(at.key.replaceAll('~', '~0').replaceAll('/', '~1'));
  return keys.map((key) => `/${key}`).join('');
}
