import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';

// Tall enough that the inspector shows the form and the picker together in the screenshots.
test.use({ viewport: { width: 1440, height: 1100 } });

/** A workflow on SLA breaches whose one action is still to be mapped, made over the API. */
async function workflowWithAction(request: APIRequestContext, apiKey: string, name: string, action: string): Promise<string> {
  const definition = {
    schemaVersion: 1, name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED' },
      { id: 'call', type: 'action', action, input: {} },
      { id: 'done', type: 'end' },
    ],
    edges: [{ id: 'e0', from: 'start', to: 'call' }, { id: 'e1', from: 'call', to: 'done' }],
  };
  const created = await request.post('/api/v1/workflows', { headers: { authorization: `Bearer ${apiKey}` }, data: { name, definition } });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

test('a trigger field is mapped into an action input by clicking it in the data picker', async ({ adminPage: page, request, cascade }) => {
  const id = await workflowWithAction(request, cascade.apiKey, `Picker ${Date.now()}`, 'core.log');
  await page.goto(`/workflows/${id}`);
  await page.getByTestId('node-call').click();
  const inspector = page.getByTestId('inspector');
  const form = inspector.getByTestId('input-form');
  const picker = inspector.getByTestId('data-picker');

  // The form comes from core.log's input schema: the required message, the level as a select of its values.
  await expect(form.getByTestId('form-row-input.message')).toContainText('*');
  await expect(form.getByLabel('level', { exact: true })).toHaveJSProperty('tagName', 'SELECT');
  await expect(form.getByLabel('level', { exact: true }).locator('option')).toHaveText(['(not set)', 'info', 'warn', 'error']);

  // The picker lists the trigger's payload, typed and described.
  const ticketId = picker.getByTestId('pick-event.data.ticketId');
  await expect(ticketId).toBeVisible();
  await expect(ticketId.locator('..').getByTestId('field-type')).toHaveText('string');
  await expect(picker.getByTestId('pick-event.data.overdueBySeconds').locator('..').getByTestId('field-type')).toHaveText('integer');
  await expect(picker.getByTestId('picker-target')).toContainText('Click into an input');

  await form.getByLabel('message', { exact: true }).click();
  await expect(picker.getByTestId('picker-target')).toContainText('input.message');
  await ticketId.click();
  await expect(form.getByTestId('expr-input.message')).toHaveText('event.data.ticketId');
  await expect(inspector.getByLabel('Input mapping')).toHaveValue(/"message": \{\s*"\$expr": "event\.data\.ticketId"\s*\}/);

  // Inside an expression a picked field goes in at the caret.
  const expression = form.getByTestId('expr-input.message');
  await expression.fill('"Ticket " & ');
  await picker.getByTestId('pick-event.data.stage').click();
  await expect(expression).toHaveText('"Ticket " & event.data.stage');
  await expect(page.getByTestId('no-problems')).toBeVisible();

  await page.screenshot({ path: test.info().outputPath('data-picker-and-form.png') });
});

test('a text field mapped into a number input is flagged on the node before publishing, and publishes once fixed', async ({ adminPage: page, request, cascade }) => {
  const id = await workflowWithAction(request, cascade.apiKey, `Mismatch ${Date.now()}`, 'http.request');
  await page.goto(`/workflows/${id}`);
  const node = page.getByTestId('node-call');
  await node.click();
  const inspector = page.getByTestId('inspector');
  const form = inspector.getByTestId('input-form');
  const picker = inspector.getByTestId('data-picker');

  await form.getByLabel('url', { exact: true }).fill('https://example.com/tickets');
  await form.getByLabel('timeoutMs', { exact: true }).click();
  await picker.getByTestId('pick-event.data.ticketId').click();

  const mismatch = /event\.data\.ticketId is string, but timeoutMs of the input of http\.request takes integer/;
  await expect(form.getByTestId('form-row-input.timeoutMs').getByTestId('field-problem')).toHaveText(mismatch);
  await expect(node.getByTestId('node-problems')).toContainText('ticketId');
  await expect(page.getByTestId('problems').getByTestId('problem').filter({ hasText: 'call · input.timeoutMs' })).toHaveCount(1);
  await form.getByTestId('form-row-input.timeoutMs').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('type-mismatch.png') });
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('designer-status')).not.toHaveText(/Published/);

  // Fixed: the number of seconds overdue, a number, fits.
  await form.getByTestId('expr-input.timeoutMs').fill('');
  await picker.getByTestId('pick-event.data.overdueBySeconds').click();
  await expect(form.getByTestId('expr-input.timeoutMs')).toHaveText('event.data.overdueBySeconds');
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('designer-status')).toHaveText('Published version 1');
});
