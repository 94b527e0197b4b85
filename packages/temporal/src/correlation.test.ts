import { describe, expect, it } from 'vitest';
import { correlationKey, eventCorrelationKeys } from './correlation';

const payment = (invoiceIds: string[]) => ({ data: { applications: invoiceIds.map((invoiceId) => ({ invoiceId, amountApplied: 100 })) } });

describe('event correlation keys', () => {
  it('answers the run waiting on each item when the event side gives a list, and the whole list too', async () => {
    const keys = await eventCorrelationKeys('event.data.applications.invoiceId', payment(['inv-1', 'inv-2']));
    expect(keys.has(correlationKey('inv-1'))).toBe(true);
    expect(keys.has(correlationKey('inv-2'))).toBe(true);
    expect(keys.has(correlationKey(['inv-1', 'inv-2']))).toBe(true);
    expect(keys.has(correlationKey('inv-3'))).toBe(false);
  });

  it('keeps a single value one key, and gives none for a missing value or a failing expression', async () => {
    expect([...(await eventCorrelationKeys('event.data.applications.invoiceId', payment(['inv-1'])))]).toEqual([correlationKey('inv-1')]);
    expect((await eventCorrelationKeys('event.data.nothing', payment(['inv-1']))).size).toBe(0);
    expect((await eventCorrelationKeys('$error("boom")', payment(['inv-1']))).size).toBe(0);
  });
});
