import { expect, test } from '../fixtures';

/**
 * An admin about to change a tenant event type checks, on the type's catalog page, what the new
 * schema would do: which workflows read the event, the fields each reads, and which would break.
 */
test('a schema change is checked against the workflows that read the event before it is registered', async ({ adminPage: page, request, cascade }) => {
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const type = `acme${Date.now()}.order.shipped`;
  const jsonSchema = {
    type: 'object',
    required: ['orderId'],
    properties: { orderId: { type: 'string' }, carrier: { type: 'string', enum: ['ups', 'dhl'] } },
  };
  expect((await request.post('/api/v1/catalog/events', { headers: auth, data: { type, displayName: 'Order shipped', jsonSchema } })).status()).toBe(201);
  const name = `Route ${type}`;
  const definition = {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: type },
      { id: 'byCarrier', type: 'condition', expression: 'event.data.carrier = "ups"' },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'byCarrier' },
      { id: 'e2', from: 'byCarrier', to: 'done', port: 'true' },
      { id: 'e3', from: 'byCarrier', to: 'done', port: 'false' },
    ],
  };
  const created = await request.post('/api/v1/workflows', { headers: auth, data: { name, definition } });
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/workflows/${id}/publish`, { headers: auth })).status()).toBe(201);

  await page.goto(`/catalog/${encodeURIComponent(type)}`);
  const check = page.getByTestId('schema-change-check');
  // The latest schema as it stands changes nothing.
  await check.getByRole('button', { name: 'Check what it changes' }).click();
  await expect(check.getByTestId('schema-change-impact')).toContainText('The same contract');
  await expect(check.getByTestId('schema-change-workflow')).toContainText('keeps working');

  // Dropping the carrier breaks the workflow that routes by it, named with its node.
  const editor = check.getByRole('textbox', { name: 'Proposed payload schema' });
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(JSON.stringify({ ...jsonSchema, properties: { orderId: { type: 'string' } } }, null, 2));
  await check.getByRole('button', { name: 'Check what it changes' }).click();
  const impact = check.getByTestId('schema-change-impact');
  await expect(impact).toContainText('A breaking change');
  await expect(impact).toContainText('1 workflow reads this event; 1 would break');
  const row = check.getByTestId('schema-change-workflow');
  await expect(row).toContainText(name);
  await expect(row).toContainText('version 1');
  await expect(row).toContainText('carrier');
  await expect(row.locator('.status-bad')).toContainText('byCarrier');
  await check.screenshot({ path: test.info().outputPath('schema-change-impact.png') });

  // Not JSON: said at once, nothing sent.
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('{ "type": ');
  await check.getByRole('button', { name: 'Check what it changes' }).click();
  await expect(check.getByRole('alert')).toContainText('The schema is not JSON');
});
