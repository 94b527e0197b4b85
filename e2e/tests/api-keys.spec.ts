import { expect, test } from '../fixtures';

test('an admin creates a key that works once, then revokes it and the API refuses it', async ({ adminPage, request }) => {
  await adminPage.goto('/settings/api-keys');
  const name = `reader ${Date.now()}`;
  await adminPage.getByLabel('Name', { exact: true }).fill(name);
  await adminPage.getByRole('checkbox', { name: 'events:publish' }).uncheck();
  await adminPage.getByRole('checkbox', { name: 'workflows:read' }).check();
  await adminPage.getByRole('button', { name: 'Create key' }).click();
  const key = (await adminPage.getByTestId('created-api-key').textContent())!.trim();
  expect(key).toMatch(/^csk_[a-z0-9]{8}_/);

  const headers = { authorization: `Bearer ${key}` };
  expect((await request.get('/api/v1/diagnostics/roundtrips', { headers })).status()).toBe(200);
  expect((await request.post('/api/v1/diagnostics/roundtrips', { headers, data: { message: 'x' } })).status()).toBe(403);

  adminPage.once('dialog', (dialog) => void dialog.accept());
  await adminPage.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(adminPage.getByTestId('api-key-row').filter({ hasText: name })).toContainText('revoked');
  expect((await request.get('/api/v1/diagnostics/roundtrips', { headers })).status()).toBe(401);
});

test('revoking asks first, naming the key; a key revoked right after creation no longer shows its secret', async ({ adminPage: page }) => {
  await page.goto('/settings/api-keys');
  const name = `short-lived ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('created-api-key')).toHaveText(/^csk_/);
  const row = page.getByTestId('api-key-row').filter({ hasText: name });
  const revoke = page.getByRole('button', { name: `Revoke ${name}` });

  const asked: string[] = [];
  page.on('dialog', (dialog) => void asked.push(dialog.message()));
  page.once('dialog', (dialog) => void dialog.dismiss());
  await revoke.click();
  await expect.poll(() => asked).toEqual([expect.stringContaining(`“${name}”`)]);
  await expect(revoke).toBeVisible();
  await expect(row).not.toContainText('revoked');
  await expect(page.getByTestId('created-api-key')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('before-revoke.png') });

  page.once('dialog', (dialog) => void dialog.accept());
  await revoke.click();
  await expect(row).toContainText('revoked');
  await expect(page.getByTestId('created-api-key')).toHaveCount(0);
  await expect(page.getByText('Copy the key now')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('after-revoke.png') });
});
