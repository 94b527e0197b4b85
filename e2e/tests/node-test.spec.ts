import { expect, test } from '../fixtures';
import { openWorkflow } from '../designer-steps';

/**
 * One node of a draft tested alone from the designer: the output of the node before it is pinned
 * in that node's inspector (kept with the draft, never published), then the node under test runs
 * alone on the test worker with the pin as its input, and its resolved input and output are shown.
 * The GET before it and the POST after it never run.
 */
test('a single-node test with pinned input', async ({ adminPage: page, cascade }) => {
  // A test run starts a workflow on the real worker; the first one of a fresh stack takes a few seconds.
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const name = `Node test ${Date.now()}`;
  await openWorkflow(page, cascade.apiKey, {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', position: { x: 200, y: 0 } },
      { id: 'client', type: 'action', action: 'http.request', input: { method: 'GET', url: 'https://crm.example.com/clients/1' }, position: { x: 200, y: 140 } },
      { id: 'merged', type: 'action', action: 'data.merge', input: { objects: [{ $expr: 'steps.client.output.body' }, { invoice: { $expr: 'event.data.invoiceId' } }] }, position: { x: 200, y: 280 } },
      { id: 'push', type: 'action', action: 'http.request', input: { method: 'POST', url: 'https://crm.example.com/notes', body: { $expr: 'steps.merged.output.value' } }, position: { x: 200, y: 420 } },
      { id: 'done', type: 'end', position: { x: 200, y: 560 } },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'client' },
      { id: 'e2', from: 'client', to: 'merged' },
      { id: 'e3', from: 'merged', to: 'push' },
      { id: 'e4', from: 'push', to: 'done' },
    ],
  });
  const workflowId = page.url().split('/').at(-1)!;

  // Pin what the GET answers, typed as JSON in its inspector.
  await page.getByTestId('node-client').click();
  const pinned = page.getByTestId('pinned-data');
  await expect(pinned).toContainText('Not pinned.');
  await pinned.getByRole('textbox', { name: 'Pinned output of client' }).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(JSON.stringify({ status: 200, headers: {}, url: 'pinned', body: { name: 'Ada Client', tier: 'gold' } }, null, 2));
  await pinned.getByTestId('pin-typed').click();
  await expect(pinned.getByTestId('pin-message')).toHaveText('Pinned.');
  await expect(pinned).toContainText('Pinned from typed.');
  await pinned.scrollIntoViewIfNeeded();
  await page.getByTestId('inspector').screenshot({ path: test.info().outputPath('node-test-pinned.png') });

  // Test the merge alone: the panel says which pin stands in for the GET.
  await page.getByTestId('node-merged').click();
  await page.getByTestId('pinned-data').getByTestId('scoped-test-node').click();
  const panel = page.getByTestId('test-run-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Test this node: merged');
  await expect(panel.getByTestId('test-run-scope')).toContainText('Pinned outputs used for: client');
  const sample = panel.getByTestId('test-run-sample');
  await expect(sample).toHaveValue(/invoiceId/);
  const data = JSON.parse(await sample.inputValue()) as Record<string, unknown>;
  await sample.fill(JSON.stringify({ ...data, invoiceId: 'INV-PINNED-1' }, null, 2));
  await panel.getByTestId('test-run-start').click();

  await expect(panel.getByTestId('test-run-status')).toHaveText('COMPLETED', { timeout: 20_000 });
  const result = panel.getByTestId('test-run-node-result');
  await expect(result).toContainText('Pinned outputs stood in for client.');
  await expect(result.getByTestId('test-run-node-input')).toContainText('"name": "Ada Client"');
  const output = JSON.parse((await result.getByTestId('test-run-node-output').textContent()) ?? 'null') as unknown;
  expect(output).toEqual({ value: { name: 'Ada Client', tier: 'gold', invoice: 'INV-PINNED-1' } });
  // Only the node under test ran.
  const canvas = panel.getByTestId('test-run-canvas');
  await expect(canvas.getByTestId('run-node-merged')).toHaveAttribute('data-state', 'completed');
  for (const id of ['client', 'push']) await expect(canvas.getByTestId(`run-node-${id}`)).not.toHaveAttribute('data-state', 'completed');
  await panel.scrollIntoViewIfNeeded();
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('node-test-result.png'), fullPage: true });

  // The pin is the draft's, never a version's.
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const published = await page.request.post(`/api/v1/workflows/${workflowId}/publish`, { headers: auth });
  expect(published.status()).toBe(201);
  expect(JSON.stringify(((await published.json()) as { definition: unknown }).definition)).not.toContain('Ada Client');
  const pins = (await (await page.request.get(`/api/v1/workflows/${workflowId}/pins`, { headers: auth })).json()) as { pins: Record<string, unknown> };
  expect(Object.keys(pins.pins)).toEqual(['client']);
});
