/** Field names whose values are credentials wherever they appear: replaced, never summarised. */
const CREDENTIAL_FIELD = /pass(word)?|secret|token|api[_-]?key|authorization|credential|private[_-]?key|^value$/i;

const MAX_DEPTH = 4;
const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_FIELDS = 30;

/**
 * What an audit entry keeps of a request: its shape and short values, bounded (a 1 MB workflow
 * definition becomes a few kilobytes), with every credential-named field's value replaced by
 * `[redacted]` so no secret value ever reaches the trail.
 */
export function summariseForAudit(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} characters)` : value;
  if (typeof value !== 'object' || value === null) return typeof value === 'number' || typeof value === 'boolean' ? value : null;
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `[${value.length} items]` : '{…}';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => summariseForAudit(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  // fromEntries defines own properties: a `__proto__` field stays a field, never a prototype.
  const fields = entries.slice(0, MAX_FIELDS).map(([key, item]) => [
    key,
    CREDENTIAL_FIELD.test(key) && item !== null && item !== undefined ? '[redacted]' : summariseForAudit(item, depth + 1),
  ]);
  if (entries.length > MAX_FIELDS) fields.push(['…', `${entries.length - MAX_FIELDS} more fields`]);
  return Object.fromEntries(fields);
}
