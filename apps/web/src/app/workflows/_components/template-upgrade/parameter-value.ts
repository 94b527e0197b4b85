/**
 * How the upgrade form asks for a parameter, from its JSON Schema, and how it reads the text
 * typed back into a value. The server checks the value against the schema; whatever is typed is
 * sent in the closest form, so a mistake comes back as the schema's own words at the parameter's path.
 */

export type ParameterControl = { kind: 'text' } | { kind: 'number' } | { kind: 'boolean' } | { kind: 'choice'; options: unknown[] } | { kind: 'json' };

const typeOf = (schema: Record<string, unknown>) => (Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type);

export function controlFor(schema: unknown): ParameterControl {
  const object = typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>) : {};
  if (Array.isArray(object.enum)) return { kind: 'choice', options: object.enum };
  switch (typeOf(object)) {
    case 'string':
      return { kind: 'text' };
    case 'integer':
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    default:
      return { kind: 'json' };
  }
}

/** The value typed for a parameter, or undefined when nothing was (the server then names it as missing). */
export function readParameterValue(control: ParameterControl, text: string): unknown {
  if (control.kind === 'text') return text === '' ? undefined : text;
  if (text.trim() === '') return undefined;
  switch (control.kind) {
    case 'number': {
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      return text === 'true';
    case 'choice':
      return control.options.find((option) => JSON.stringify(option) === text) ?? text;
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
  }
}
