import { expandPayloadFields } from './field-list';
import type { FieldError } from './field-errors';
import type { JsonSchema } from './json-schema';
import { firstPointerDeeperThan } from './json-depth';
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
