import { createDatabase } from '@cascade/db';
import { expect, slaBreach, test } from '../fixtures';

test('an admin sets retention windows, sees a bad one refused with its field named, and keeps for ever again', async ({ adminPage: page }) => {
  await page.goto('/settings/retention');
  const events = page.getByLabel('Days to keep events');
  const runs = page.getByLabel('Days to keep finished runs');
  const save = page.getByRole('button', { name: 'Save retention' });

  await events.fill('30');
  await runs.fill('90');
  await save.click();
  await expect(page.getByRole('status')).toContainText('Saved');
  await expect(page.getByTestId('retention-summary')).toHaveText('Events are kept 30 days; finished runs with their steps are kept 90 days.');
  await page.screenshot({ path: test.info().outputPath('saved.png') });

  await page.reload();
  await expect(events).toHaveValue('30');
  await runs.fill('0');
  await save.click();
  await expect(page.getByTestId('retention-error')).toContainText('/body/runHistoryDays');
  await page.screenshot({ path: test.info().outputPath('refused.png') });

  await events.fill('');
  await runs.fill('');
  await save.click();
  await expect(page.getByTestId('retention-summary')).toHaveText('Events are kept for ever; finished runs with their steps are kept for ever.');
  const trail = await page.request.get('/api/v1/audit?action=putRetention&limit=5');
  expect((await trail.json()).items[0]).toMatchObject({ action: 'putRetention', summary: { eventLogDays: null, runHistoryDays: null } });
});

test('an event retention archived and deleted says so on its page, naming its archive folder', async ({ adminPage: page, request, cascade }) => {
  const published = await request.post('/api/v1/events', { headers: { authorization: `Bearer ${cascade.apiKey}` }, data: slaBreach(`T-retired-${Date.now()}`) });
  expect(published.status()).toBe(202);
  const { id } = ((await published.json()) as { accepted: [{ id: string }] }).accepted[0];

  // Retired as a retention pass retires it: the id kept for deduplication, the event deleted once dispatched.
  const db = createDatabase(process.env.CASCADE_E2E_DATABASE_URL!);
  await expect.poll(async () => (await db.dispatch.findFirst({ where: { eventId: id } }))?.status).toBe('DISPATCHED');
  const event = await db.event.findFirstOrThrow({ where: { id } });
  await db.retiredEventId.create({ data: { tenantId: event.tenantId, id, receivedOn: new Date('2026-11-02T00:00:00Z') } });
  await db.event.delete({ where: { tenantId_id: { tenantId: event.tenantId, id } } });
  await db.$disconnect();

  await page.goto(`/events/${id}`);
  await expect(page.getByTestId('event-retired')).toContainText('received on 2026-11-02, before the tenant’s retention window');
  await expect(page.getByTestId('event-retired')).toContainText(`${event.tenantId}/2026-11-02/events-*.ndjson.gz`);
  await page.screenshot({ path: test.info().outputPath('retired-event.png') });
  const answer = await request.get(`/api/v1/events/${id}`, { headers: { authorization: `Bearer ${cascade.apiKey}` } });
  expect(answer.status()).toBe(410);
});
