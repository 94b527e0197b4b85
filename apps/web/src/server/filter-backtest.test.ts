import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { backtestFilterRoute, publishEvents } from './routes/events';

const overdue = (invoiceId: string, amountDue: number) => ({
  type: 'INVOICE_OVERDUE',
  source: 'billing',
  data: { tenantId: 'psa-1', invoiceId, clientId: 'c-1', overdueAt: '2026-03-04T00:00:00Z', dueDate: '2026-03-01', amountDue, currency: 'USD', daysOverdue: 3 },
});

/** A tenant with `amounts.length` INVOICE_OVERDUE events, published one by one (oldest first). */
async function tenantWithInvoices(amounts: number[]) {
  const tenant = await createTenantWithKey(['events:publish', 'workflows:read']);
  for (const [index, amount] of amounts.entries()) {
    expect((await callRoute(publishEvents, { apiKey: tenant.apiKey, body: overdue(`i-${index}`, amount) })).status).toBe(202);
  }
  return tenant;
}

const backtest = (apiKey: string, body: Record<string, unknown>) => callRoute(backtestFilterRoute, { apiKey, body });

describe('trigger filter backtests', () => {
  it('counts the tenant’s recent events of the type the filter would have let through, newest first, with the ones that failed', async () => {
    const { apiKey } = await tenantWithInvoices([50, 500, 5_000]);
    await tenantWithInvoices([9_999]); // another tenant's events are never read

    const response = await backtest(apiKey, { eventType: 'INVOICE_OVERDUE', filter: 'event.data.amountDue > 100' });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ evaluated: 3, matched: 2, filteredOut: 1, failed: 0, stoppedEarly: null });
    expect(result.events.map((event: { outcome: string }) => event.outcome)).toEqual(['matched', 'matched', 'filtered-out']);

    const failing = await (await backtest(apiKey, { eventType: 'INVOICE_OVERDUE', filter: '$error("no " & event.data.invoiceId)', limit: 2 })).json();
    expect(failing).toMatchObject({ evaluated: 2, matched: 0, failed: 2 });
    expect(failing.events[0].error).toContain('no i-2');
    expect((await (await backtest(apiKey, { eventType: 'TICKET_CREATED', filter: 'true' })).json()).evaluated).toBe(0);
  });

  it('refuses a filter that does not parse with 422 at its path, and a limit past 1,000 with 400', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read']);
    const bad = await backtest(apiKey, { eventType: 'INVOICE_OVERDUE', filter: 'event.data.amountDue >' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ path: '/body/filter' })]);
    expect((await backtest(apiKey, { eventType: 'INVOICE_OVERDUE', filter: 'true', limit: 5_000 })).status).toBe(400);
  });

  it('stops a slow filter after its budget instead of holding the server for every event', async () => {
    const { apiKey } = await tenantWithInvoices(Array.from({ length: 40 }, (_, index) => index));
    const startedAt = performance.now();
    // Cut at 250 ms an event: unbounded, 40 events would take over 10 s.
    const result = await (await backtest(apiKey, { eventType: 'INVOICE_OVERDUE', filter: '$sum([1..10000].([1..1000])) > 0', limit: 40 })).json();
    const tookMs = performance.now() - startedAt;
    expect(result.stoppedEarly).toMatch(/^Stopped after \d+ events: a backtest evaluates for at most 3 s$/);
    expect(result.evaluated).toBeLessThan(40);
    expect(result.failed).toBe(result.evaluated);
    // Cut by the 250 ms bound or by the sandbox's step limit, whichever comes first.
    expect(result.events[0].error).toMatch(/^The expression was stopped: /);
    expect(tookMs).toBeLessThan(8_000);
  }, 30_000);
});
