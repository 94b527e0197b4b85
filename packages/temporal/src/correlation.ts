import { evaluateExpression, TRIGGER_FILTER_TIMEOUT_MS } from '@cascade/workflow/runtime';

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
export const EVENT_EXPRESSION_TIMEOUT_MS = TRIGGER_FILTER_TIMEOUT_MS;

/**
 * The event side's keys: its correlation expression's value over the event, and when that value is
 * a list, each of its items too, so one event can answer several runs (a payment applied to several
 * invoices, `event.data.applications.invoiceId`, matches the run waiting on each invoice). None
 * when the expression gives nothing, fails or runs too long.
 */
export async function eventCorrelationKeys(expression: string, event: unknown): Promise<ReadonlySet<string>> {
  const value = await evaluateExpression(expression, { event }, { now: Date.now(), timeoutMs: EVENT_EXPRESSION_TIMEOUT_MS }).catch(() => undefined);
  if (value === undefined) return new Set();
  return new Set([correlationKey(value), ...(Array.isArray(value) ? value.map(correlationKey) : [])]);
}
