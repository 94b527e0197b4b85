/**
 * Reads the three ways the seed documents list payload fields into one shape, so that the coverage
 * test can hold the catalog against the sources' own words:
 * - 000: `tenantId, stage(response|resolution|custom), cc[]?, applications[{invoiceId, amountApplied}], summary{a,b}`
 * - 002: TypeScript interface bodies (`reason: string | null;`, `brokenLinks: Array<{ … }>;`)
 * - 004: example JSON payloads
 */

export type SourceType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any';

export interface ExpectedField {
  /** Field-list paths; more than one when the source gives alternative names (`clientId/companyId`). */
  paths: string[];
  /** May be absent: marked `?` itself or inside an optional parent. */
  optional: boolean;
  nullable: boolean;
  enum?: string[];
  /** The JSON type the source states, when it states one. */
  type?: SourceType;
  itemType?: SourceType;
}

export function parseFieldList000(list: string, prefix = '', parentOptional = false): ExpectedField[] {
  return splitTopLevel(list).flatMap((item) => {
    const match = item.match(/^([\w/]+)(\(([^)]*)\))?(\[\{(.*)\}\]|\{(.*)\}|\[\])?(\?)?$/);
    if (!match) throw new Error(`Unreadable 000 field "${item}"`);
    const [, names = '', , enumValues, nested, arrayOfObjects, object, questionMark] = match;
    const optional = parentOptional || questionMark === '?';
    const paths = names.split('/').map((name) => prefix + name);
    const field: ExpectedField = {
      paths,
      optional,
      nullable: false,
      ...(enumValues ? { enum: enumValues.split('|') } : {}),
      ...(nested ? { type: object !== undefined ? 'object' : 'array' } : {}),
      ...(arrayOfObjects !== undefined ? { itemType: 'object' as const } : {}),
    };
    const children = arrayOfObjects ?? object;
    const childPrefix = `${paths[0]}${arrayOfObjects !== undefined ? '[]' : ''}.`;
    return [field, ...(children !== undefined ? parseFieldList000(children, childPrefix, optional) : [])];
  });
}

export function parseInterface002(body: string): ExpectedField[] {
  const fields: ExpectedField[] = [];
  const prefixes: string[] = [''];
  for (const rawLine of body.split('\n')) {
    const line = rawLine.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (/^}>?;$/.test(line)) {
      prefixes.pop();
      continue;
    }
    const match = line.match(/^(\w+)(\?)?:\s*(.+?);?$/);
    if (!match) throw new Error(`Unreadable 002 line "${line}"`);
    const [, name = '', questionMark, declared = ''] = match;
    const path = `${prefixes.at(-1) ?? ''}${name}`;
    const nullable = /\|\s*null$/.test(declared);
    const type = declared.replace(/\s*\|\s*null$/, '');
    const field: ExpectedField = { paths: [path], optional: questionMark === '?', nullable, ...typeOf002(type) };
    fields.push(field);
    if (type === 'Array<{') prefixes.push(`${path}[].`);
    if (type === '{') prefixes.push(`${path}.`);
  }
  return fields;
}

export function parseExamplePayload004(json: string): ExpectedField[] {
  return fieldsOfValue(JSON.parse(json) as Record<string, unknown>, '');
}

function fieldsOfValue(object: Record<string, unknown>, prefix: string): ExpectedField[] {
  return Object.entries(object).flatMap(([name, value]) => {
    const path = prefix + name;
    const type = jsonType(value);
    const itemType = Array.isArray(value) && value.length > 0 ? jsonType(value[0]) : undefined;
    const field: ExpectedField = { paths: [path], optional: false, nullable: false, type, ...(itemType ? { itemType } : {}) };
    const nested = type === 'object' ? fieldsOfValue(value as Record<string, unknown>, `${path}.`) : [];
    return [field, ...nested];
  });
}

function typeOf002(type: string): Pick<ExpectedField, 'type' | 'itemType' | 'enum'> {
  const literals = type.match(/"[^"]*"/g);
  if (literals && type.replace(/"[^"]*"|\s|\|/g, '') === '') return { type: 'string', enum: literals.map((literal) => literal.slice(1, -1)) };
  const known: Record<string, Pick<ExpectedField, 'type' | 'itemType'>> = {
    string: { type: 'string' },
    number: { type: 'number' },
    boolean: { type: 'boolean' },
    any: { type: 'any' },
    'string[]': { type: 'array', itemType: 'string' },
    'Array<{': { type: 'array', itemType: 'object' },
    '{': { type: 'object' },
    'Record<string, any>': { type: 'object' },
  };
  // Named types the document never spells out (WorkOrderType, Priority, …) state no JSON type.
  return known[type] ?? {};
}

function jsonType(value: unknown): SourceType {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'any';
  return typeof value as SourceType;
}

/** Splits on commas that are not inside (), [] or {}. */
function splitTopLevel(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of list) {
    if ('([{'.includes(character)) depth += 1;
    if (')]}'.includes(character)) depth -= 1;
    if (character === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else {
      current += character;
    }
  }
  if (current.trim() !== '') items.push(current.trim());
  return items;
}
