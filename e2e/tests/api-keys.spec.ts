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

  await adminPage.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(adminPage.getByTestId('api-key-row').filter({ hasText: name })).toContainText('revoked');
  expect((await request.get('/api/v1/diagnostics/roundtrips', { headers })).status()).toBe(401);
});
