import { type APIRequestContext } from '@playwright/test';
import { expect, slaBreach, test } from '../fixtures';

// POST /api/v1/events is answered by the web server itself (apps/web/server.ts), not by Next;
// these check it is the same app as the rest: one database, one session, one metrics registry.

async function publishCount(request: APIRequestContext, status: number): Promise<number> {
  const metrics = await (await request.get('/metrics')).text();
  const line = metrics.split('\n').find((l) => l.startsWith('cascade_http_requests_total{') && l.includes('method="POST",route="/api/v1/events"') && l.includes(`status="${status}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

test('an event taken by the web server is listed by the API and counted on /metrics', async ({ request, cascade }) => {
  const [accepted, refused] = [await publishCount(request, 202), await publishCount(request, 401)];
  const ticketId = `T-fast-${Date.now()}`;
  const response = await request.post('/api/v1/events', { headers: { authorization: `Bearer ${cascade.apiKey}` }, data: slaBreach(ticketId) });
  expect(response.status()).toBe(202);
  const id = ((await response.json()) as { accepted: Array<{ id: string }> }).accepted[0]!.id;
  const anonymous = await request.post('/api/v1/events', { data: slaBreach(ticketId) });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()['content-type']).toBe('application/problem+json');

  const listed = await request.get(`/api/v1/events?correlationId=${ticketId}`, { headers: { authorization: `Bearer ${cascade.apiKey}` } });
  expect(((await listed.json()) as { items: Array<{ id: string }> }).items.map((e) => e.id)).toEqual([id]);
  expect(await publishCount(request, 202)).toBe(accepted + 1);
  expect(await publishCount(request, 401)).toBe(refused + 1);
});

test('a signed-in admin publishes with the session cookie the login page set', async ({ adminPage }) => {
  const ticketId = `T-session-${Date.now()}`;
  const response = await adminPage.request.post('/api/v1/events', { data: slaBreach(ticketId) });
  expect(response.status()).toBe(202);
  await adminPage.goto(`/events?correlationId=${ticketId}`);
  await expect(adminPage.getByTestId('event-row')).toHaveCount(1);
});
