import { generateApiKey } from '@cascade/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { listEvents, publishEvents } from '../routes/events';
import { db } from '../services';
import { REFUSED_ANSWER_DELAY_MS } from './rate-limit';

// Small limits, read when the first request parses the environment (this file's own modules),
// refilling so slowly that the time a test takes does not matter: bursts of 5 and 8 events, 3 requests.
beforeAll(() => {
  vi.stubEnv('RATE_LIMIT_KEY_EVENTS_PER_SECOND', '0.5');
  vi.stubEnv('RATE_LIMIT_TENANT_EVENTS_PER_SECOND', '0.8');
  vi.stubEnv('RATE_LIMIT_KEY_REQUESTS_PER_SECOND', '0.3');
  vi.stubEnv('RATE_LIMIT_BURST_SECONDS', '10');
});

afterAll(() => vi.unstubAllEnvs());

const overdue = () => ({
  type: 'INVOICE_OVERDUE',
  source: 'billing',
  data: { tenantId: 'psa-1', invoiceId: 'i-1', clientId: 'c-1', overdueAt: '2026-03-04T00:00:00Z', dueDate: '2026-03-01', amountDue: 1, currency: 'USD', daysOverdue: 3 },
});

async function secondKeyOf(tenantId: string) {
  const key = generateApiKey();
  await db().apiKey.create({ data: { tenantId, name: 'second', prefix: key.prefix, hash: key.hash, scopes: ['events:publish'] } });
  return key.key;
}

const publish = (apiKey: string, body: unknown) => callRoute(publishEvents, { apiKey, body });

describe('rate limits', () => {
  it('answers 429 with Retry-After and a problem once a key has published its events, a batch counting each', async () => {
    const { apiKey } = await createTenantWithKey(['events:publish']);
    expect((await publish(apiKey, [overdue(), overdue(), overdue()])).status).toBe(202);
    // 2 tokens left: admitted, and the batch's 4 events leave the key 2 in debt.
    expect((await publish(apiKey, [overdue(), overdue(), overdue(), overdue()])).status).toBe(202);

    const refusedAt = performance.now();
    const refused = await publish(apiKey, overdue());

    expect(refused.status).toBe(429);
    // Answered after a pause, so a client ignoring Retry-After cannot keep the server busy refusing it.
    expect(performance.now() - refusedAt).toBeGreaterThanOrEqual(REFUSED_ANSWER_DELAY_MS - 5);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      detail: expect.stringMatching(/^This API key may send 0.5 events a second.*retry after \d+ s$/),
    });
  });

  it('limits the tenant across its keys, and leaves other tenants alone', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['events:publish']);
    const secondKey = await secondKeyOf(tenantId);
    for (let i = 0; i < 5; i += 1) expect((await publish(apiKey, overdue())).status).toBe(202);
    for (let i = 0; i < 3; i += 1) expect((await publish(secondKey, overdue())).status).toBe(202);

    const refused = await publish(secondKey, overdue());
    expect(refused.status).toBe(429);
    expect((await refused.json()).detail).toMatch(/^This tenant may send 0.8 events a second/);

    const other = await createTenantWithKey(['events:publish']);
    expect((await publish(other.apiKey, overdue())).status).toBe(202);
  });

  it('refuses before reading the body: a refused request stores nothing, whatever it sends', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['events:publish']);
    await publish(apiKey, [overdue(), overdue(), overdue(), overdue(), overdue()]);

    const refused = await callRoute(publishEvents, { apiKey, rawBody: 'not json at all', headers: { 'content-type': 'application/json' } });

    expect(refused.status).toBe(429);
    expect(await db().event.count({ where: { tenantId } })).toBe(5);
  });

  it('counts every other API request against the key’s request limit', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read']);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await callRoute(listEvents, { apiKey })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
