import { expect, slaBreach, test } from '../fixtures';

test('the catalog browser finds an event by field and shows its fields and example', async ({ adminPage }) => {
  await adminPage.goto('/catalog');
  await adminPage.getByLabel('Search events').fill('overdueBySeconds');
  await adminPage.getByRole('button', { name: 'Search' }).click();
  await adminPage.getByRole('link', { name: 'TICKET_SLA_STAGE_BREACHED' }).click();
  await expect(adminPage.getByTestId('event-type')).toHaveText('TICKET_SLA_STAGE_BREACHED');
  const fields = adminPage.getByTestId('event-fields');
  await expect(fields.getByRole('row').filter({ hasText: 'overdueBySeconds' })).toContainText('required');
  await expect(fields.getByRole('row').filter({ hasText: /^stage/ })).toContainText('"response" | "resolution" | "custom"');
  await expect(adminPage.getByTestId('event-example')).toContainText('"stage": "resolution"');
});

test('an event published over the API appears in the event log with its payload', async ({ adminPage, request, cascade }) => {
  const ticketId = `T-${Date.now()}`;
  const response = await request.post('/api/v1/events', {
    headers: { authorization: `Bearer ${cascade.apiKey}` },
    data: slaBreach(ticketId, 'response'),
  });
  expect(response.status()).toBe(202);

  await adminPage.goto(`/events?correlationId=${ticketId}`);
  const row = adminPage.getByTestId('event-row');
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: 'TICKET_SLA_STAGE_BREACHED' }).click();
  await expect(adminPage.getByTestId('event-data')).toContainText(ticketId);
});
