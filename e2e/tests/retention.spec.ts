import { expect, test } from '../fixtures';

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
