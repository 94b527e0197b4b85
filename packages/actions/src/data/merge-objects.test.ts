import { describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/test-context';
import { mergeObjects, mergeObjectsHandler } from './merge-objects';

async function merge(objects: Record<string, unknown>[], deep?: boolean) {
  const handler = mergeObjectsHandler;
  return (handler.output.parse(await handler.run(handler.input.parse({ objects, deep }), createTestContext().context))).value;
}

describe('data.merge', () => {
  it('merges shallowly by default: later objects replace whole keys', async () => {
    expect(await merge([{ a: 1, nested: { x: 1, y: 1 } }, { b: 2, nested: { y: 2 } }])).toEqual({ a: 1, b: 2, nested: { y: 2 } });
  });

  it('merges nested objects when deep, replacing arrays and scalars', async () => {
    expect(await merge([{ nested: { x: 1, y: 1 }, tags: ['a'], n: { deep: true } }, { nested: { y: 2 }, tags: ['b'], n: 3 }], true)).toEqual({
      nested: { x: 1, y: 2 },
      tags: ['b'],
      n: 3,
    });
  });

  it('keeps a "__proto__" key as data instead of changing the prototype', () => {
    // The action's input schema already drops such keys; mergeObjects must be safe on its own too.
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const value = mergeObjects([{ b: 2 }, hostile], true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe('{"b":2,"__proto__":{"polluted":true},"a":1}');
  });

  it('needs at least one object', () => {
    expect(mergeObjectsHandler.input.safeParse({ objects: [] }).success).toBe(false);
  });
});
