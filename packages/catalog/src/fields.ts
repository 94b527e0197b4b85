import { z } from 'zod';
import { actorTypes } from './envelope';

/**
 * Field builders shared by every event definition. Each one carries its type, its constraints and
 * the `.describe()` text the designer's field pickers show, so a definition reads as a list of
 * named fields rather than a list of zod calls.
 */

export const entityId = (description: string) => z.string().min(1).describe(description);

export const entityIds = (description: string) => z.array(z.string().min(1)).describe(description);

/** An instant, with its UTC offset (`Z` or `+02:00`): events cross time zones. */
export const timestamp = (description: string) => z.iso.datetime({ offset: true }).describe(description);

/** A day on the calendar (`2026-03-31`), for due dates and other dates without a time of day. */
export const calendarDate = (description: string) => z.iso.date().describe(description);

/** Free text; may be empty. */
export const text = (description: string) => z.string().describe(description);

/** A non-empty string: names, statuses, codes, providers. */
export const label = (description: string) => z.string().min(1).describe(description);

export const count = (description: string) => z.number().int().nonnegative().describe(description);

export const positiveInteger = (description: string) => z.number().int().positive().describe(description);

export const decimal = (description: string) => z.number().describe(description);

export const percentage = (description: string) => z.number().min(0).max(100).describe(description);

export const flag = (description: string) => z.boolean().describe(description);

export const emailAddress = (description: string) => z.email().describe(description);

export const choice = <const Values extends readonly [string, ...string[]]>(values: Values, description: string) =>
  z.enum(values).describe(description);

/** Any JSON value, for fields whose source declares `any` (previous/new values of a changed field). */
export const anyValue = (description: string) => z.unknown().describe(description);

/** A free-form JSON object, for fields whose source declares `Record<string, any>`. */
export const jsonObject = (description: string) => z.record(z.string(), z.unknown()).describe(description);

/** Sources declare `T | null` for "required, but may be empty"; the description moves to the nullable schema so JSON Schema keeps it. */
export const orNull = <Schema extends z.ZodType>(schema: Schema) => schema.nullable().describe(schema.description ?? '');

/**
 * Money travels as an integer count of the currency's minor unit (cents for USD), as the platform
 * kernel's `amountCents` does: floating-point amounts do not add up exactly.
 */
export const moneyAmount = (description: string) =>
  z.number().int().nonnegative().describe(`${description}, in minor units of the currency (e.g. cents)`);

export const currency = () =>
  z
    .string()
    .regex(/^[A-Z]{3}$/, 'Expected a three-letter ISO 4217 currency code such as USD')
    .describe('ISO 4217 currency code, e.g. USD');

export const durationMs = (description = 'How long it took, in milliseconds') => count(description);

// ── Conventions of the PSA catalog (000), applied to every source ─────────────────────────────

/** Every payload names its tenant, so a workflow never has to reach into the envelope for it. */
export const tenantId = (description = 'Tenant the event belongs to') => entityId(description);

export const actorUserId = (description = 'Staff user who performed the action') => entityId(description);

export const reason = (description = 'Reason given for the change, if any') => text(description).optional();

/**
 * Who acted, for sources (work orders) whose actor may be a person, an agent or the system. The
 * envelope's `actor` says the same; the payload copy serves producers that publish without one.
 */
export const optionalActor = () => ({
  actorId: entityId('User, agent or service that performed the action').optional(),
  actorType: choice(actorTypes, 'Kind of actor that performed the action').optional(),
});

/** "Entity changed" events name the fields that changed and, where known, their values before and after. */
export const changeSet = () => ({
  updatedFields: z.array(z.string().min(1)).describe('Names of the fields that changed').optional(),
  changes: z
    .record(
      z.string(),
      z.object({ previous: anyValue('Value before the change'), new: anyValue('Value after the change') }),
    )
    .describe('Changed fields keyed by field name, each with its previous and new value')
    .optional(),
});

/** Failure details shared by the `…_FAILED` events. */
export const failure = () => ({
  errorCode: label('Machine-readable error code').optional(),
  errorMessage: label('Human-readable error message'),
  retryable: flag('Whether retrying the operation may succeed').optional(),
});
