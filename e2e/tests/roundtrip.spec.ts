import { expect, test } from '../fixtures';

test('a roundtrip started over the API completes on the worker and shows on the diagnostics page', async ({ adminPage, request, cascade }) => {
  const message = `e2e ${Date.now()}`;
  const response = await request.post('/api/v1/diagnostics/roundtrips', {
    headers: { authorization: `Bearer ${cascade.apiKey}` },
    data: { message },
  });
  expect(response.status()).toBe(202);
  const started = (await response.json()) as { id: string; workflowId: string };
  expect(started.workflowId).toBe(`roundtrip:${started.id}`);

  await adminPage.goto('/diagnostics');
  const row = adminPage.getByTestId('roundtrip-row').filter({ hasText: message });
  await expect(row.getByTestId('roundtrip-status')).toHaveText(/completed in \d+ ms/);
});

test('a roundtrip started from the page completes', async ({ adminPage }) => {
  await adminPage.goto('/diagnostics');
  const message = `from the page ${Date.now()}`;
  await adminPage.getByLabel('Message').fill(message);
  await adminPage.getByRole('button', { name: 'Start roundtrip' }).click();
  const row = adminPage.getByTestId('roundtrip-row').filter({ hasText: message });
  await expect(row.getByTestId('roundtrip-status')).toHaveText(/completed in \d+ ms/);
});
