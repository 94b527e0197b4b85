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

test('pages carry the security headers, and the pages still work under the content security policy', async ({ adminPage, request }) => {
  const login = await request.get('/login');
  expect(login.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(login.headers()['x-frame-options']).toBe('DENY');
  expect(login.headers()['x-content-type-options']).toBe('nosniff');
  expect(login.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // adminPage signed in through the form, which needs the page's scripts to have run.
  await adminPage.goto('/docs');
  await expect(adminPage.getByTestId('operation-startRoundtrip')).toBeVisible();
});

test('signing out ends the session: a kept copy of its cookie is refused', async ({ adminPage }) => {
  const cookies = await adminPage.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const api = adminPage.context().request;
  expect((await api.get('/api/v1/api-keys', { headers: { cookie } })).status()).toBe(200);
  await adminPage.getByRole('button', { name: 'Sign out' }).click();
  await expect(adminPage).toHaveURL(/\/login$/);
  expect((await api.get('/api/v1/api-keys', { headers: { cookie } })).status()).toBe(401);
});

test('after too many attempts for one account the login page says to wait', async ({ page }) => {
  test.setTimeout(90_000);
  const email = `nobody-${Date.now()}@example.com`;
  await page.goto('/login');
  const attempt = async (password: string) => {
    // React resets the form once the previous answer is in; fill it only after that.
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await expect(page.getByLabel('Password')).toHaveValue('');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
  };
  for (let i = 1; i <= 10; i += 1) {
    await attempt(`guess-${i}`);
    await expect(page.getByTestId('login-error')).toHaveText('The email or password is wrong');
  }
  await attempt('guess-11');
  await expect(page.getByTestId('login-error')).toHaveText(/^Too many sign-in attempts\. Try again in \d+ minutes\.$/);
});
