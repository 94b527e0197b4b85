import { expect, slaBreach, test } from '../fixtures';

/**
 * The gallery end to end: a template registered over the API is found by search and filter,
 * previewed, instantiated through the form generated from its parameter schema (with the event
 * type and user pickers) and published; an event published over the API then runs it to completion.
 */
test('a template found in the gallery is instantiated through its form, published, and run by an event', async ({ adminPage: page, request, cascade }) => {
  const stamp = Date.now().toString(36);
  const ticketId = `G-${stamp}`;
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const key = `e2e.gallery-${stamp}`;
  const category = `Gallery ${stamp}`;
  const registered = await request.post('/api/v1/templates', {
    headers: auth,
    data: {
      key,
      name: `Log breaches ${stamp}`,
      description: 'Logs an SLA breach with its owner',
      category,
      tags: ['e2e', 'sla'],
      parameterSchema: {
        type: 'object',
        required: ['eventType', 'message', 'owner'],
        properties: {
          eventType: { type: 'string', title: 'Trigger event', 'x-picker': 'event-type', examples: ['TICKET_SLA_STAGE_BREACHED'] },
          message: { type: 'string', title: 'Log message', minLength: 1, description: 'What the run log says' },
          owner: { type: 'string', title: 'Owner', 'x-picker': 'user', examples: ['owner@example.com'] },
          level: { type: 'string', title: 'Level', enum: ['info', 'warn', 'error'], default: 'info' },
          watchers: { type: 'array', title: 'Watchers', items: { type: 'string', 'x-picker': 'user' } },
          token: { type: 'string', title: 'CRM token', 'x-picker': 'secret' },
        },
      },
      definition: {
        schemaVersion: 1,
        name: 'Log breaches',
        nodes: [
          { id: 'start', type: 'trigger', event: { $param: 'eventType' }, filter: `event.data.ticketId = "${ticketId}"` },
          { id: 'note', type: 'action', action: 'core.log', input: { message: { $param: 'message' }, level: { $param: 'level' }, fields: { owner: { $param: 'owner' }, watchers: { $param: 'watchers' }, token: { $param: 'token' } } } },
          { id: 'done', type: 'end' },
        ],
        edges: [{ id: 'e1', from: 'start', to: 'note' }, { id: 'e2', from: 'note', to: 'done' }],
      },
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const secretName = `crm-token-${stamp}`;
  const secretValue = `sealed-${stamp}-value`;
  expect((await request.put(`/api/v1/secrets/${secretName}`, { headers: auth, data: { value: secretValue } })).status()).toBeLessThan(300);

  // The gallery: searched by text and filtered by category down to the one template.
  await page.goto('/templates');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' })).toBeVisible();
  await page.getByLabel('Search templates').fill(stamp);
  await page.getByLabel('Category').selectOption(category);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=/);
  const card = page.getByTestId('template-card');
  await expect(card).toHaveCount(1);
  await expect(page.getByTestId('template-category')).toContainText(category);
  await expect(card).toContainText('Logs an SLA breach with its owner');
  await page.screenshot({ path: test.info().outputPath('gallery.png'), fullPage: true });

  // The detail: the graph drawn read-only, each parameter by name where its value will go.
  await card.getByRole('link', { name: `Log breaches ${stamp}` }).click();
  await expect(page.getByTestId('template-name')).toHaveText(`Log breaches ${stamp}`);
  const preview = page.getByTestId('template-preview');
  await expect(preview.getByTestId('node-start')).toContainText('‹eventType›');
  await expect(preview.getByTestId('node-note')).toContainText('core.log');
  await expect(preview.getByTestId('node-done')).toBeVisible();
  // Read-only: no card can be dragged or connected.
  await expect(preview.locator('.react-flow__node.draggable')).toHaveCount(0);
  await expect(preview.locator('.react-flow__handle.connectable')).toHaveCount(0);
  await expect(page.getByTestId('template-versions')).toContainText('version 1');
  await page.screenshot({ path: test.info().outputPath('detail-and-preview.png'), fullPage: true });

  // The server refuses what the parameter schema refuses (422), and the form shows each error beside its parameter.
  const form = page.getByTestId('instantiate-form');
  await form.getByLabel('Owner').selectOption(cascade.adminEmail);
  await form.getByRole('button', { name: 'Create draft' }).click();
  await expect(form.getByTestId('instantiate-error')).toContainText('do not satisfy the template’s parameter schema');
  await expect(form.getByLabel('Log message')).toHaveAccessibleDescription(/must have required property 'message'/);
  await expect(form.getByLabel('Trigger event')).toHaveAccessibleDescription(/must have required property 'eventType'/);
  await expect(form.getByLabel('Owner')).not.toHaveAccessibleDescription(/must/);
  await page.screenshot({ path: test.info().outputPath('form-with-error.png'), fullPage: true });

  // Filled in through the pickers, and published at once.
  await form.getByLabel('Trigger event').selectOption('TICKET_SLA_STAGE_BREACHED');
  await form.getByLabel('Log message').fill(`breach of ${ticketId}`);
  await form.getByLabel('Level').selectOption('warn');
  await form.getByLabel('Watchers').selectOption([cascade.adminEmail]);
  // Secrets are offered by name; no value reaches the page.
  await form.getByLabel('CRM token').selectOption(secretName);
  expect(await page.content()).not.toContain(secretValue);
  const workflowName = `Breaches ${stamp}`;
  await form.getByLabel('Workflow name').fill(workflowName);
  await form.getByLabel(/Publish now/).check();
  await form.getByRole('button', { name: 'Create and publish' }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  const workflowId = page.url().split('/').at(-1)!;

  const workflow = (await (await request.get(`/api/v1/workflows/${workflowId}`, { headers: auth })).json()) as Record<string, unknown>;
  expect(workflow).toMatchObject({ name: workflowName, template: { key, version: 1, parameters: { eventType: 'TICKET_SLA_STAGE_BREACHED', owner: cascade.adminEmail, level: 'warn', watchers: [cascade.adminEmail], token: secretName } } });

  // An event over the API starts it; the runs page shows the run completed.
  const published = await request.post('/api/v1/events', { headers: auth, data: slaBreach(ticketId) });
  expect(published.status()).toBe(202);
  await expect(async () => {
    await page.goto('/runs');
    await expect(page.getByTestId('run-row').filter({ hasText: workflowName })).toContainText('COMPLETED', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

test('the gallery answers an overlong search, a version that is not one and a key that is none without failing', async ({ adminPage: page }) => {
  await page.goto(`/templates?q=${'x'.repeat(500)}&category=${'c'.repeat(150)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'The search was not understood' })).toContainText('q: Too big');
  await expect(page.getByTestId('template-count')).toBeVisible();

  const notAKey = await page.goto('/templates/Not%20a%20key%2F..');
  expect(notAKey?.status()).toBe(404);
  const unknown = await page.goto(`/templates/no-such-template-${Date.now()}?version=abc`);
  expect(unknown?.status()).toBe(404);
});
