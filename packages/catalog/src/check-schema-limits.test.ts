import { describe, expect, it } from 'vitest';
import { checkSchemaLimits } from './check-schema-limits';
import { schemaLimits } from './schema-limits';
import { deeplyNestedSchema, exponentialRefSchema, oversizedSchema, selfReferencingSchema } from './testing/hostile-schemas';

describe('the limits a registered schema is held to', () => {
  it('accepts recursion and schemas within the limits', () => {
    expect(checkSchemaLimits(selfReferencingSchema(), '/jsonSchema')).toEqual([]);
    expect(checkSchemaLimits(exponentialRefSchema(10), '/jsonSchema')).toEqual([]);
    expect(checkSchemaLimits(deeplyNestedSchema(schemaLimits.maxFieldDepth), '/jsonSchema')).toEqual([]);
  });

  it('refuses a schema whose $refs expand past the node budget, saying so', () => {
    const started = performance.now();
    expect(checkSchemaLimits(exponentialRefSchema(26), '/jsonSchema')).toEqual([
      {
        path: '/jsonSchema',
        message: expect.stringContaining(`expands to more than ${schemaLimits.maxExpandedNodes} nodes once its $refs are followed (stopped at field tree.`),
        expected: `at most ${schemaLimits.maxExpandedNodes} schema nodes once $refs are followed (schemaLimits.maxExpandedNodes)`,
      },
    ]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses nesting past the depth limit, naming where', () => {
    const [problem, ...others] = checkSchemaLimits(deeplyNestedSchema(10_000), '/body/outputSchema');
    expect(others).toEqual([]);
    // Each level of fields is two levels of the document: the field's schema and its `properties`.
    expect(problem).toEqual({
      path: `/body/outputSchema${'/properties/a'.repeat(schemaLimits.maxDepth / 2)}`,
      message: `The schema nests objects and arrays more than ${schemaLimits.maxDepth} levels deep`,
      expected: `at most ${schemaLimits.maxDepth} levels (schemaLimits.maxDepth)`,
    });
    expect(checkSchemaLimits(deeplyNestedSchema(schemaLimits.maxFieldDepth + 1), '/jsonSchema')).toEqual([
      expect.objectContaining({ message: `Field ${Array(schemaLimits.maxFieldDepth).fill('a').join('.')} is nested more than ${schemaLimits.maxFieldDepth} levels deep` }),
    ]);
  });

  it('refuses a schema larger than the size limit', () => {
    expect(checkSchemaLimits(oversizedSchema(schemaLimits.maxBytes + 10_000), '/jsonSchema')).toEqual([
      { path: '/jsonSchema', message: expect.stringMatching(/^The schema is \d+ bytes long$/), expected: `at most ${schemaLimits.maxBytes} bytes (schemaLimits.maxBytes)` },
    ]);
  });
});
