import { randomUUID } from 'node:crypto';
import { expect, slaBreach, test } from '../fixtures';

/**
 * A run watched on its canvas: the published version drawn with each node's state, updated live
 * (no reload) as the run moves; its forEach iterations picked one by one; its wait explained and
 * completed from the run page's own prefilled form; its timeline with the events on one axis.
 */
test('run canvas: a run with a branch, a forEach and a wait, watched live while its wait is completed from the page', async ({ adminPage: page, request, cascade }) => {
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const ticketId = `RC-${Date.now()}`;
  const definition = {
    schemaVersion: 1,
    name: `Canvas ${ticketId}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', filter: `event.data.ticketId = "${ticketId}"`, position: { x: 200, y: 0 } },
      { id: 'check', type: 'condition', expression: 'event.data.overdueBySeconds > 60', position: { x: 200, y: 150 } },
      { id: 'quiet', type: 'action', action: 'core.log', input: { message: 'barely late' }, position: { x: 480, y: 300 } },
      {
        id: 'lines', type: 'forEach', items: '["first", "second", "third"]', concurrency: 1, position: { x: 0, y: 300 },
        body: {
          nodes: [{ id: 'note', type: 'action', action: 'core.log', input: { message: 'a line' } }, { id: 'noted', type: 'end' }],
          edges: [{ id: 'b1', from: 'lines', to: 'note', port: 'item' }, { id: 'b2', from: 'note', to: 'noted' }],
        },
      },
      { id: 'delivered', type: 'waitForEvent', event: 'NOTIFICATION_DELIVERED', correlation: { event: 'event.data.notificationId', run: 'event.data.ticketId' }, timeout: 'P1D', position: { x: 0, y: 820 } },
      { id: 'done', type: 'end', position: { x: 200, y: 990 } },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'check' },
      { id: 'e2', from: 'check', to: 'lines', port: 'true' },
      { id: 'e3', from: 'check', to: 'quiet', port: 'false' },
      { id: 'e4', from: 'lines', to: 'delivered', port: 'done' },
      { id: 'e5', from: 'delivered', to: 'done', port: 'received' },
      { id: 'e6', from: 'delivered', to: 'done', port: 'timeout' },
      { id: 'e7', from: 'quiet', to: 'done' },
    ],
  };
  const created = await request.post('/api/v1/workflows', { headers: auth, data: { name: definition.name, definition } });
  expect(created.status(), await created.text()).toBe(201);
  const { id: workflowId } = (await created.json()) as { id: string };
  const published = await request.post(`/api/v1/workflows/${workflowId}/publish`, { headers: auth });
  expect(published.status(), await published.text()).toBe(201);

  // The runs list is open when the event arrives: the run appears there without a reload.
  await page.goto(`/runs?workflow=${workflowId}`);
  const triggerId = randomUUID();
  expect((await request.post('/api/v1/events', { headers: auth, data: { id: triggerId, ...slaBreach(ticketId) } })).status()).toBe(202);
  const row = page.getByTestId('run-row').first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);

  // On its canvas, live: the branch taken, the forEach's iterations, the wait it parks on.
  const node = (id: string) => page.getByTestId(`run-node-${id}`);
  await expect(node('delivered')).toHaveAttribute('data-state', 'waiting', { timeout: 15_000 });
  await expect(page.getByTestId('run-live')).toHaveText('live');
  for (const id of ['start', 'check', 'lines']) await expect(node(id)).toHaveAttribute('data-state', 'completed');
  await expect(node('quiet')).toHaveAttribute('data-state', 'skipped');
  await expect(node('done')).toHaveAttribute('data-state', 'not-reached');
  await expect(node('lines').getByTestId('run-node-caption')).toContainText('3 iterations');
  // The body is drawn open inside its loop, each node summed over the iterations.
  await expect(node('note')).toHaveAttribute('data-state', 'completed');
  await expect(node('note').getByTestId('run-node-caption')).toContainText('3×');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('run-canvas').screenshot({ path: test.info().outputPath('run-canvas-waiting.png') });

  // A forEach's iterations one by one, each with its body's steps.
  // On its header: the body's nodes fill the rest of the loop.
  await node('lines').click({ position: { x: 40, y: 14 } });
  const details = page.getByTestId('node-details');
  const bodyStep = details.getByTestId('node-step').filter({ hasText: /\.note ·/ });
  await expect(bodyStep).toContainText('lines[0].note');
  await details.getByRole('button', { name: 'Next iteration' }).click();
  await expect(bodyStep).toContainText('lines[1].note');
  await expect(bodyStep.getByTestId('json-input')).toContainText('a line');
  await details.getByRole('button', { name: 'Close node details' }).click();

  // The wait explains itself, and a prefilled form publishes the event it waits for.
  const wait = page.getByTestId('wait-explanation');
  await expect(wait.getByTestId('wait-event-type')).toHaveText('NOTIFICATION_DELIVERED');
  await expect(wait.getByTestId('wait-correlation-value')).toHaveText(`"${ticketId}"`);
  await expect(wait.getByTestId('wait-deadline')).toBeVisible();
  await wait.getByRole('button', { name: 'Publish a matching event…' }).click();
  const form = wait.getByTestId('publish-matching-event');
  await expect(form.getByRole('textbox')).toHaveValue(new RegExp(`"notificationId": "${ticketId}"`));
  await page.screenshot({ path: test.info().outputPath('run-page-waiting.png'), fullPage: true });
  await form.getByRole('button', { name: 'Publish event' }).click();
  await expect(form.getByTestId('publish-result')).toContainText('Published');

  // Without a reload, the run takes the event and completes.
  await expect(page.getByTestId('run-status')).toHaveText('COMPLETED', { timeout: 15_000 });
  await expect(node('delivered')).toHaveAttribute('data-state', 'completed');
  await expect(node('done')).toHaveAttribute('data-state', 'completed');
  await expect(page.getByTestId('run-received-events')).toContainText('NOTIFICATION_DELIVERED');

  // The timeline: a span per node reached, the trigger and the received event on the same axis.
  const timeline = page.getByTestId('run-timeline');
  await expect(timeline.getByTestId('timeline-span')).toHaveCount(5);
  await expect(timeline.getByTestId('timeline-event')).toHaveCount(2);
  await expect(timeline.locator(`a[href="/events/${triggerId}"]`)).toHaveCount(1);
  await page.getByTestId('run-canvas').screenshot({ path: test.info().outputPath('run-canvas-completed.png') });

  // A large value folds, and a search opens it and counts what it finds.
  const forEachOutput = page.getByTestId('run-step').filter({ has: page.getByRole('cell', { name: 'lines', exact: true }) }).getByTestId('json-output');
  await expect(forEachOutput.getByRole('button', { name: 'Show all 20 lines' })).toBeVisible();
  await forEachOutput.getByRole('searchbox').fill('logged');
  await expect(forEachOutput.getByTestId('json-matches')).toHaveText('3 matches');
  await expect(forEachOutput.getByRole('button', { name: 'Fold' })).toBeVisible();
  await timeline.screenshot({ path: test.info().outputPath('run-timeline.png') });
});
