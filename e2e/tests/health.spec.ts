import { expect, test } from '../fixtures';

test('health, readiness and metrics answer', async ({ request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', down: [] });
  const metrics = await request.get('/metrics');
  expect(metrics.status()).toBe(200);
  expect(await metrics.text()).toContain('cascade_http_requests_total');
});
