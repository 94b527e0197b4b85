import { evaluateExpression } from '@cascade/workflow/runtime';

/**
 * How a waitForEvent's two correlation sides are compared: each value is stored and matched as
 * its JSON text. Pure, so workflow code encodes the run side with the same function.
 */
export function correlationKey(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * How long an expression over one event may run outside workflow code: the dispatcher evaluates
 * trigger filters and correlations of every tenant on one event loop, so a slow one would hold
 * up all the others. Ordinary ones take microseconds.
 */
export const EVENT_EXPRESSION_TIMEOUT_MS = 1_000;

/** The event side's key: its correlation expression over the event, or undefined when that gives nothing, fails or runs too long. */
export async function eventCorrelationKey(expression: string, event: unknown): Promise<string | undefined> {
  const value = await evaluateExpression(expression, { event }, { now: Date.now(), timeoutMs: EVENT_EXPRESSION_TIMEOUT_MS }).catch(() => undefined);
  return value === undefined ? undefined : correlationKey(value);
}
