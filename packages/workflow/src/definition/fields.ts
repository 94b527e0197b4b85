import { z } from 'zod';
import { parseDuration } from './duration';

/** Field schemas shared by several node types, so each field means the same wherever it appears. */

/**
 * Node ids and variable names are plain identifiers because expressions address them by name
 * (`steps.sendReminder.output`, `vars.attempts`); a `-` would need JSONata backquotes.
 */
export const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Use letters, digits and _, starting with a letter or _ (expressions address it by name)');

export const expression = z.string().trim().min(1, 'An expression is required').describe('JSONata expression');

export const duration = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, 'Expected an ISO 8601 duration of weeks to seconds, such as PT15M, P3D or P1DT2H');

/** A catalog event type, in either naming style (`INVOICE_OVERDUE`, `work_order.status_changed`). */
export const eventType = z.string().min(1, 'An event type is required');

/** A major version of an event type's payload schema; versions of one type run side by side. */
export const eventVersion = z.number().int().min(1);

/** A value computed at run time: `{"$expr": "<JSONata>"}`. */
export const expressionLeafSchema = z.strictObject({ $expr: expression });

/** Who may act on an approval: a user or role id, or an expression that computes one. */
export const assignee = z.union([z.string().min(1), expressionLeafSchema]);

export const retryPolicySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(100),
  initialInterval: duration,
  /** Each retry waits this many times longer than the one before. */
  backoff: z.number().min(1).max(10),
  maxInterval: duration,
});

const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time of day as HH:MM');

/**
 * Business hours a delay counts in. Inline rather than a reference to a shared calendar: a
 * published version must behave the same for its whole life (DESIGN.md §2).
 */
export const businessHoursSchema = z.strictObject({
  timeZone: z.string().min(1).describe('IANA time zone, e.g. Europe/Berlin'),
  days: z.array(weekday).min(1),
  from: timeOfDay,
  to: timeOfDay,
  holidays: z.array(z.iso.date()).optional(),
});

/** Fields every node has (DESIGN.md §5). */
export const commonNodeFields = {
  id: identifier,
  label: z.string().optional(),
  position: z.strictObject({ x: z.number(), y: z.number() }).optional(),
  retry: retryPolicySchema.optional(),
  /** Longest the node may run before it fails (to its `error` port, if connected). */
  timeout: duration.optional(),
};

/** A list refinement: no two items share `key`. */
export const uniqueBy = <Item>(key: (item: Item) => string) => (items: Item[]) => new Set(items.map(key)).size === items.length;
