import { createDatabase } from '@cascade/db';
import { expect, test } from '../fixtures';

test('an admin subscribes a webhook, replays its dead letter, and finds both in the verified audit trail', async ({ adminPage: page }) => {
  const origin = `https://hooks-${Date.now()}.invalid`;
  const url = `${origin}/cascade-events`;
  await page.goto('/settings/webhooks');
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByRole('checkbox', { name: 'approval.requested' }).check();
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByTestId('created-webhook-secret')).toHaveText(/^whsec_/);
  const row = page.getByTestId('webhook-row').filter({ hasText: url });
  await expect(row).toContainText('run.failed, approval.requested');
  await page.getByRole('button', { name: `Disable ${url}` }).click();
  await expect(row).toContainText('disabled');
  await page.getByRole('button', { name: `Enable ${url}` }).click();
  await expect(row).toContainText('enabled');

  // A delivery the worker gave up on after five attempts.
  const db = createDatabase(process.env.CASCADE_E2E_DATABASE_URL!);
  const subscription = await db.webhookSubscription.findFirstOrThrow({ where: { url } });
  const dead = await db.webhookDelivery.create({
    data: { tenantId: subscription.tenantId, subscriptionId: subscription.id, eventType: 'run.failed', payload: { runId: 'r-1' }, status: 'DEAD', attempts: 5, lastStatus: 500, lastError: `${url} answered 500` },
  });
  await page.reload();
  const delivery = page.getByTestId('webhook-delivery-row').filter({ hasText: url });
  await expect(delivery).toContainText('dead letter');
  await page.screenshot({ path: test.info().outputPath('webhooks-dead-letter.png'), fullPage: true });
  await page.getByRole('button', { name: `Replay delivery ${dead.id}` }).click();
  // Replayed: its attempts start over (the worker may have tried the unresolvable host once already).
  await expect.poll(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: dead.id } })).attempts).toBeLessThan(2);
  await expect(delivery).not.toContainText('answered 500');

  await page.goto('/settings/audit?action=createWebhookSubscription');
  await expect(page.getByTestId('audit-row').filter({ hasText: `${origin}/…` })).toHaveCount(1);
  await expect(page.getByTestId('audit-entries')).not.toContainText('whsec_');
  await page.goto('/settings/audit?action=replayWebhookDelivery');
  await expect(page.getByTestId('audit-row').filter({ hasText: dead.id })).toHaveCount(1);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('Intact');
  await page.screenshot({ path: test.info().outputPath('audit-trail.png'), fullPage: true });

  page.once('dialog', (dialog) => void dialog.accept());
  await page.goto('/settings/webhooks');
  await page.getByRole('button', { name: `Delete ${url}` }).click();
  await expect(page.getByTestId('webhook-row').filter({ hasText: url })).toHaveCount(0);
  await db.$disconnect();
});
