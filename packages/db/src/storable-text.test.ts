import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, sql } from './index';
import { findUnstorableText, toStorableJson, toStorableString } from './storable-text';

const db = createDatabase(inject('databaseUrl'), { maxConnections: 1 });
afterAll(() => db.$disconnect());

/** Round-trips a value through a jsonb parameter, as every JSON write of Cascade does. */
const storeAsJsonb = async (value: unknown) =>
  (await sql<{ value: unknown }>(db, 'SELECT $1::jsonb AS value', [JSON.stringify(value)]))[0]!.value;

const hostile = {
  plain: 'fine',
  nul: 'a\u0000b',
  'key\u0000': 1,
  nested: [{ deep: ['\uD800'] }, 'low \uDC00 alone', 'pair 😀 ok'],
  'a/b~c': '\u0000',
};

describe('text PostgreSQL cannot store', () => {
  it('is what PostgreSQL refuses: NUL in values and keys, and lone surrogates', async () => {
    await expect(storeAsJsonb({ nul: 'a\u0000b' })).rejects.toThrow(/unsupported Unicode escape sequence/);
    await expect(storeAsJsonb({ 'key\u0000': 1 })).rejects.toThrow(/unsupported Unicode escape sequence/);
    await expect(storeAsJsonb(['\uD800'])).rejects.toThrow(/invalid input syntax for type json/);
    await expect(storeAsJsonb(['\uDC00'])).rejects.toThrow(/invalid input syntax for type json/);
    expect(await storeAsJsonb(['pair 😀 ok'])).toEqual(['pair 😀 ok']);
  });

  it('is found at each JSON path, keys included, with RFC 6901 escapes', () => {
    expect(findUnstorableText(hostile).map((found) => [found.path, found.message])).toEqual([
      ['/nul', 'The text holds U+0000 (NUL) at character 1, which PostgreSQL cannot store'],
      ['/key\u0000', 'The key holds U+0000 (NUL) at character 3, which PostgreSQL cannot store'],
      ['/nested/0/deep/0', 'The text holds a lone UTF-16 surrogate (\\uD800) at character 0, which is not Unicode text'],
      ['/nested/1', 'The text holds a lone UTF-16 surrogate (\\uDC00) at character 4, which is not Unicode text'],
      ['/a~1b~0c', 'The text holds U+0000 (NUL) at character 0, which PostgreSQL cannot store'],
    ]);
    expect(findUnstorableText({ ok: ['😀', 1, null, true] })).toEqual([]);
  });

  it('reports at most 20 places, and survives nesting deeper than the call stack', () => {
    expect(findUnstorableText(Array.from({ length: 10_000 }, () => '\u0000'))).toHaveLength(20);
    let deep: unknown = '\u0000';
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    expect(findUnstorableText(deep)[0]!.path).toBe('/0'.repeat(100_000));
  });

  it('is made storable with U+FFFD in its place, keeping every member and naming what changed', async () => {
    const { value, replaced } = toStorableJson(hostile, '/output');
    expect(value).toEqual({
      plain: 'fine',
      nul: 'a\uFFFDb',
      'key\uFFFD': 1,
      nested: [{ deep: ['\uFFFD'] }, 'low \uFFFD alone', 'pair 😀 ok'],
      'a/b~c': '\uFFFD',
    });
    expect(replaced).toEqual(['/output/nul', '/output/key\u0000', '/output/nested/0/deep/0', '/output/nested/1', '/output/a~1b~0c']);
    expect(await storeAsJsonb(value)).toEqual(value);
    expect(toStorableJson({ 'k\u0000': 1, 'k\uFFFD': 2 }).value).toEqual({ 'k\uFFFD\uFFFD': 1, 'k\uFFFD': 2 });
  });

  it('returns storable values as they are, without a copy', () => {
    const fine = { a: ['b', { c: 1 }] };
    expect(toStorableJson(fine).value).toBe(fine);
    expect(toStorableString('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });
});
