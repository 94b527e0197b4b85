import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { publishEvents } from './routes/events';
import { db } from './services';

// No worker runs beside these tests, so every accepted event stays waiting to be dispatched.
const LIMIT = 3;
beforeAll(() => vi.stubEnv('INGEST_MAX_TENANT_BACKLOG', String(LIMIT)));
afterAll(() => vi.unstubAllEnvs());

const overdue = () => ({
  type: 'INVOICE_OVERDUE',
  source: 'billing',
  data: { tenantId: 'psa-1', invoiceId: 'i-1', clientId: 'c-1', overdueAt: '2026-03-04T00:00:00Z', dueDate: '2026-03-01', amountDue: 1, currency: 'USD', daysOverdue: 3 },
});

it('answers 429 once a tenant has its limit of events waiting to be dispatched, leaves other tenants alone, and admits again as they drain', async () => {
  const flooding = await createTenantWithKey(['events:publish']);
  const quiet = await createTenantWithKey(['events:publish']);
  expect((await callRoute(publishEvents, { apiKey: flooding.apiKey, body: [overdue(), overdue(), overdue()] })).status).toBe(202);
  // The reading taken before that batch is trusted for half a second.
  await new Promise((resolve) => setTimeout(resolve, 600));

  const refused = await callRoute(publishEvents, { apiKey: flooding.apiKey, body: overdue() });
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('5');
  expect((await refused.json()).detail).toBe(`This tenant has ${LIMIT} or more events waiting to be dispatched; retry after 5 s, as they drain`);
  expect(await db().event.count({ where: { tenantId: flooding.tenantId } })).toBe(LIMIT);
  expect((await callRoute(publishEvents, { apiKey: quiet.apiKey, body: overdue() })).status).toBe(202);

  await db().dispatch.updateMany({ where: { tenantId: flooding.tenantId }, data: { status: 'DISPATCHED', dispatchedAt: new Date() } });
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect((await callRoute(publishEvents, { apiKey: flooding.apiKey, body: overdue() })).status).toBe(202);
});
