import { expect, test } from '../fixtures';

test('pages ask for a sign-in and refuse a wrong password', async ({ page, cascade }) => {
  await page.goto('/diagnostics');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(cascade.adminEmail);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('The email or password is wrong');
});

test('the API answers 401 without a key and 401 for an unknown key', async ({ request }) => {
  const missing = await request.get('/api/v1/diagnostics/roundtrips');
  expect(missing.status()).toBe(401);
  const unknown = await request.get('/api/v1/diagnostics/roundtrips', {
    headers: { authorization: 'Bearer csk_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' },
  });
  expect(unknown.status()).toBe(401);
  expect(await unknown.json()).toMatchObject({ status: 401, detail: 'The API key is unknown or revoked' });
});

test('the API docs page lists operations from the OpenAPI document', async ({ adminPage, request }) => {
  const document = (await (await request.get('/api/v1/openapi.json')).json()) as { openapi: string; paths: object };
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toContain('/api/v1/diagnostics/roundtrips');
  await adminPage.goto('/docs');
  await expect(adminPage.getByTestId('operation-startRoundtrip')).toContainText('/api/v1/diagnostics/roundtrips');
});
