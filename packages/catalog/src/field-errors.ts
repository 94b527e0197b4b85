import type { z } from 'zod';

/** One problem with an incoming event, precise enough to be an HTTP 422 body entry. */
export interface FieldError {
  /** JSON Pointer into the submitted document, e.g. `/data/applications/0/amountApplied`. */
  path: string;
  message: string;
  /** What the field must be, e.g. `integer`, `ISO 8601 date-time with offset`, `one of "hard", "soft"`. */
  expected: string;
  /** What was sent instead, when something was sent. */
  received?: string;
}

type Issue = z.core.$ZodIssue;

const formatNames: Record<string, string> = {
  datetime: 'ISO 8601 date-time with offset, e.g. 2026-03-02T08:14:05Z',
  date: 'ISO 8601 date, e.g. 2026-03-31',
  email: 'email address',
  uuid: 'UUID',
};

const typeNames: Record<string, string> = {
  int: 'integer',
  record: 'object',
  nonoptional: 'a value',
};

/** What each kind of zod issue expected, in words a producer can act on. */
const expectations: Record<string, (issue: Issue) => string> = {
  invalid_type: (issue) => {
    const expected = String((issue as z.core.$ZodIssueInvalidType).expected);
    return typeNames[expected] ?? expected;
  },
  invalid_format: (issue) => {
    const { format } = issue as z.core.$ZodIssueInvalidStringFormat;
    // Pattern checks carry their own explanation (see `currency()` or the event type naming rule).
    return formatNames[format] ?? issue.message;
  },
  invalid_value: (issue) => `one of ${(issue as z.core.$ZodIssueInvalidValue).values.map((value) => JSON.stringify(value)).join(', ')}`,
  too_small: (issue) => bound(issue as z.core.$ZodIssueTooSmall, 'at least', 'more than'),
  too_big: (issue) => bound(issue as z.core.$ZodIssueTooBig, 'at most', 'less than'),
};

/** Turns zod issues into field errors whose paths point into the submitted document under `basePath`. */
export function toFieldErrors(issues: readonly Issue[], basePath = ''): FieldError[] {
  return issues.flatMap((issue) => {
    const path = basePath + toJsonPointer(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: `${path}/${escapePointerToken(key)}`, message: 'Unknown field', expected: 'no such field' }));
    }
    const expected = expectations[issue.code]?.(issue) ?? issue.message;
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    if (missing) return [{ path, message: 'Required field is missing', expected }];
    const received = describeValue(issue.input);
    // Checks that carry their own explanation (patterns, unions, refinements) keep it as the message.
    const ownMessage = !expectations[issue.code] || (issue.code === 'invalid_format' && issue.format === 'regex');
    return [{ path, message: ownMessage ? issue.message : `Expected ${expected}, received ${received}`, expected, received }];
  });
}

function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${escapePointerToken(String(segment))}`).join('');
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, inclusiveWord: string, exclusiveWord: string): string {
  const limit = 'minimum' in issue ? issue.minimum : issue.maximum;
  const word = issue.inclusive === false ? exclusiveWord : inclusiveWord;
  const units: Record<string, string> = { string: ' characters', array: ' items', set: ' items', file: ' bytes' };
  if (issue.origin === 'string' && Number(limit) === 1 && 'minimum' in issue) return 'non-empty string';
  return `${issue.origin === 'number' || issue.origin === 'int' ? 'number' : issue.origin} of ${word} ${String(limit)}${units[issue.origin] ?? ''}`;
}

/** A short, safe rendering of a received value: its type, and the value itself when it is small. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return value.length > 40 ? `string "${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}
