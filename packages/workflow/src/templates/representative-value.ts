/**
 * How a parameter reference is typed when a template is registered.
 *
 * The validator knows nothing of parameters: it checks concrete definitions. So a template is
 * checked as the definition its parameters would make, each reference replaced by a value that
 * stands for the parameter: the first of its `examples`, else its `default`, else its `const`,
 * else its first `enum` value, else a value of its declared `type` (a string of `minLength`
 * characters, or a date-time, e-mail or URI for those formats; `minimum` or 0 for numbers; false;
 * []; {}). An author who references a parameter where only certain values pass (an event type, an
 * action id, a duration) gives it an example or a default, and the template is checked with it.
 * A parameter without a type, example or default stands as null, which most fields refuse: the
 * 422 names the node, and the parameter that stood there.
 */
export function representativeValue(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return null;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if ('default' in s) return s.default;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return representativeString(s);
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}

const BY_FORMAT: Record<string, string> = {
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  email: 'someone@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
  duration: 'PT1H',
};

function representativeString(schema: Record<string, unknown>): string {
  const byFormat = typeof schema.format === 'string' ? BY_FORMAT[schema.format] : undefined;
  if (byFormat) return byFormat;
  const length = typeof schema.minLength === 'number' ? Math.min(Math.max(schema.minLength, 1), 1_000) : 1;
  return 'x'.repeat(length);
}
