import { expect, test } from '../fixtures';
import { openWorkflow } from '../designer-steps';

/**
 * A draft tested from the designer before it is ever published: its POST is stubbed (it answers a
 * canned output and calls nobody), the run parks on its wait on the test canvas, the wait is
 * answered from the panel with the prefilled matching event, and the run completes with its emit
 * recorded, not published. Nothing of it shows among production runs.
 */
test('a draft test run with a stubbed side effect and an answered wait', async ({ adminPage: page, cascade }) => {
  // A test run starts a workflow on the real worker; the first one of a fresh stack takes a few seconds.
  test.setTimeout(90_000);
  const name = `Draft test ${Date.now()}`;
  await openWorkflow(page, cascade.apiKey, {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', position: { x: 200, y: 0 } },
      { id: 'post', type: 'action', action: 'http.request', input: { method: 'POST', url: 'https://crm.example.com/notes', body: { invoice: { $expr: 'event.data.invoiceId' } } }, position: { x: 200, y: 140 } },
      { id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'P1D', correlation: { event: 'event.data.clientId', run: 'event.data.clientId' }, position: { x: 200, y: 300 } },
      { id: 'announce', type: 'emit', event: 'billing.plan.changed', data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: { $expr: "'paid ' & steps.paid.output.data.amount" } }, position: { x: 60, y: 460 } },
      { id: 'done', type: 'end', position: { x: 200, y: 620 } },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'post' },
      { id: 'e2', from: 'post', to: 'paid' },
      { id: 'e3', from: 'paid', to: 'announce', port: 'received' },
      { id: 'e4', from: 'paid', to: 'done', port: 'timeout' },
      { id: 'e5', from: 'announce', to: 'done' },
    ],
  });
  const workflowId = page.url().split('/').at(-1)!;

  await page.getByTestId('test-run-open').click();
  const panel = page.getByTestId('test-run-panel');
  await expect(panel.getByTestId('test-run-sample')).toHaveValue(/invoiceId/);
  // The POST has side effects: stubbed unless allowed, with a canned output of its schema.
  await expect(panel.getByTestId('test-run-allow-post')).not.toBeChecked();
  await expect(panel.getByRole('textbox', { name: 'Canned output of post' })).toHaveValue(/"status": 0/);
  await panel.getByRole('textbox', { name: 'Canned output of post' }).fill('{"status": 201, "headers": {}, "body": {"noteId": "N-1"}, "url": "stub"}');
  await panel.getByTestId('test-run-start').click();

  // On the test canvas: the stubbed step done, the run parked on its wait.
  const canvas = panel.getByTestId('test-run-canvas');
  const node = (id: string) => canvas.getByTestId(`run-node-${id}`);
  await expect(node('paid')).toHaveAttribute('data-state', 'waiting', { timeout: 20_000 });
  await expect(node('post')).toHaveAttribute('data-state', 'completed');
  await expect(node('post').getByTestId('run-node-caption')).toHaveText('completed · stubbed');
  await expect(node('announce')).toHaveAttribute('data-state', 'not-reached');
  await expect(panel.getByTestId('test-run-stubbed')).toContainText('"noteId": "N-1"');
  await expect(panel.getByTestId('test-run-status')).toHaveText('RUNNING');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath('draft-test-run-waiting.png') });

  // The wait answered from the panel with the prefilled event that correlates (never published).
  const waiting = panel.getByTestId('test-run-waiting-paid');
  const payload = waiting.getByRole('textbox', { name: 'Awaited PAYMENT_RECORDED payload' });
  await expect(payload).toHaveValue(/clientId/);
  const data = JSON.parse(await payload.inputValue()) as Record<string, unknown>;
  await payload.fill(JSON.stringify({ ...data, amount: 480 }));
  await waiting.getByRole('button', { name: 'Send event' }).click();

  await expect(panel.getByTestId('test-run-status')).toHaveText('COMPLETED', { timeout: 20_000 });
  for (const id of ['start', 'post', 'paid', 'announce', 'done']) await expect(node(id)).toHaveAttribute('data-state', 'completed');
  const emits = panel.getByTestId('test-run-emits');
  await expect(emits).toContainText('billing.plan.changed');
  await expect(emits).toContainText('"newPlan": "paid 480"');
  await panel.screenshot({ path: test.info().outputPath('draft-test-run-completed.png') });

  // Production knows nothing of it: the workflow has no runs, and nothing was emitted to the log.
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const runs = (await (await page.request.get(`/api/v1/runs?workflowId=${workflowId}`, { headers: auth })).json()) as { items: unknown[] };
  expect(runs.items).toEqual([]);
  const emitted = (await (await page.request.get('/api/v1/events?type=billing.plan.changed&limit=100', { headers: auth })).json()) as { items: Array<{ data: { newPlan?: string } }> };
  expect(emitted.items.filter((event) => event.data.newPlan === 'paid 480')).toEqual([]);
});
