import { evaluateExpression } from '@cascade/workflow/runtime';

/**
 * How a waitForEvent's two correlation sides are compared: each value is stored and matched as
 * its JSON text. Pure, so workflow code encodes the run side with the same function.
 */
export function correlationKey(value: unknown): string {
  return JSON.stringify(value);
}

/** The event side's key: its correlation expression over the event, or undefined when that gives nothing or fails. */
export async function eventCorrelationKey(expression: string, event: unknown): Promise<string | undefined> {
  const value = await evaluateExpression(expression, { event }, { now: Date.now() }).catch(() => undefined);
  return value === undefined ? undefined : correlationKey(value);
}
