import { describe, expect, it } from 'vitest';
import { getEventDefinition, listEventDefinitions } from '../catalog';
import { payloadFieldsOf, type PayloadField } from '../field-list';
import { events003 } from './learning-003.fixture';
import { examplePayloads004 } from './platform-004.fixture';
import { alreadyPresent000, proposed000 } from './psa-000.fixture';
import { parseExamplePayload004, parseFieldList000, parseInterface002, type ExpectedField, type SourceType } from './seed-notation';
import { interfaces002 } from './work-orders-002.fixture';

interface SeedEvent {
  type: string;
  fields: ExpectedField[];
}

const seeds: Record<'000' | '002' | '003' | '004', SeedEvent[]> = {
  '000': [
    ...alreadyPresent000.map((type) => ({ type, fields: [] })),
    ...Object.entries(proposed000).map(([type, list]) => ({ type, fields: parseFieldList000(list) })),
  ],
  '002': Object.entries(interfaces002).map(([type, body]) => ({ type, fields: parseInterface002(body) })),
  '003': events003.map(({ type }) => ({ type, fields: [] })),
  '004': Object.entries(examplePayloads004).map(([type, json]) => ({ type, fields: parseExamplePayload004(json) })),
};

const acceptedTypes: Record<SourceType, string[]> = {
  string: ['string'],
  number: ['number', 'integer'],
  boolean: ['boolean'],
  array: ['array'],
  object: ['object'],
  any: ['unknown'],
};

describe('every event of the seed documents is in the catalog', () => {
  it('counts the events each source describes', () => {
    expect(alreadyPresent000).toHaveLength(12);
    expect(Object.keys(proposed000)).toHaveLength(122);
    expect(seeds['000']).toHaveLength(134);
    expect(seeds['002']).toHaveLength(23);
    expect(seeds['003']).toHaveLength(64);
    expect(seeds['004']).toHaveLength(13);
  });

  it('holds exactly the seed event types, no more, no fewer', () => {
    const seedTypes = Object.values(seeds).flatMap((events) => events.map((event) => event.type));
    const catalogTypes = new Set(listEventDefinitions().map((definition) => definition.type));
    expect(new Set(seedTypes).size).toBe(seedTypes.length);
    expect([...catalogTypes].sort()).toEqual([...seedTypes].sort());
  });

  describe.each(Object.entries(seeds))('source %s', (_source, events) => {
    it.each(events.map((event) => [event.type, event] as const))('%s carries every field the source lists', (type, event) => {
      // The sources describe version 1; later versions may change the contract on purpose.
      const definition = getEventDefinition(type, 1);
      expect(definition, `${type} is missing from the catalog`).toBeDefined();
      const fields = payloadFieldsOf(definition!);
      for (const expected of event.fields) expectField(type, fields, expected);
    });
  });
});

function expectField(type: string, fields: PayloadField[], expected: ExpectedField): void {
  const name = `${type} ${expected.paths.join('/')}`;
  const actual = fields.find((field) => expected.paths.includes(field.path));
  expect(actual, `${name} is missing`).toBeDefined();
  if (!actual) return;
  expect(actual.optional, `${name} optional`).toBe(expected.optional);
  expect(actual.nullable, `${name} nullable`).toBe(expected.nullable);
  if (expected.enum) expect([...(actual.enum ?? [])].sort(), `${name} values`).toEqual([...expected.enum].sort());
  if (expected.type) expect(acceptedTypes[expected.type], `${name} type`).toContain(actual.type);
  if (expected.itemType) expect(acceptedTypes[expected.itemType], `${name} item type`).toContain(actual.itemType);
}
