import { createDatabase } from '@cascade/db';
import { expect, slaBreach, test } from '../fixtures';

test('dead letters are replayed in bulk from the event log, by its filter', async ({ adminPage, request, cascade }) => {
  const ticketId = `T-dead-${Date.now()}`;
  const published = await request.post('/api/v1/events', {
    headers: { authorization: `Bearer ${cascade.apiKey}` },
    data: [slaBreach(ticketId, 'response'), slaBreach(ticketId, 'resolution'), slaBreach(`${ticketId}-other`)],
  });
  expect(published.status()).toBe(202);
  const ids = ((await published.json()) as { accepted: Array<{ id: string }> }).accepted.map((event) => event.id);

  // Dead-lettered as if Temporal had refused them five times.
  const db = createDatabase(process.env.CASCADE_E2E_DATABASE_URL!);
  await expect.poll(async () => db.dispatch.count({ where: { eventId: { in: ids }, status: { not: 'PENDING' } } })).toBe(3);
  await db.dispatch.updateMany({ where: { eventId: { in: ids } }, data: { status: 'DEAD', attempts: 5, lastError: 'Temporal refused the start' } });

  await adminPage.goto(`/events?correlationId=${ticketId}&status=DEAD`);
  await expect(adminPage.getByTestId('event-row')).toHaveCount(2);
  adminPage.once('dialog', (dialog) => void dialog.accept());
  await adminPage.getByRole('button', { name: 'Replay 2 dead letters' }).click();
  await expect(adminPage.getByRole('status')).toHaveText('2 queued for dispatch.');
  await expect(adminPage.getByTestId('event-row')).toHaveCount(0);
  await adminPage.screenshot({ path: test.info().outputPath('dead-letters-replayed.png'), fullPage: true });

  const statuses = await db.dispatch.findMany({ where: { eventId: { in: ids } }, select: { eventId: true, status: true } });
  expect(ids.map((id) => statuses.find((row) => row.eventId === id)?.status === 'DEAD')).toEqual([false, false, true]);
  await db.$disconnect();
});
