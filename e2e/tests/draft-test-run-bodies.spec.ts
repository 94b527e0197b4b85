import { expect, test } from '../fixtures';
import { openWorkflow } from '../designer-steps';

/**
 * A draft whose forEach runs its body once per item, tested from the designer: the body's action
 * is coloured on the test canvas as a top-level node is, with how often it ran; after a reload the
 * test run is found again in the panel's list of recent test runs and opens on the canvas as it was.
 */
test('a test run colours forEach body nodes and is reopened from the recent test runs', async ({ adminPage: page, cascade }) => {
  // A test run starts a workflow on the real worker; the first one of a fresh stack takes a few seconds.
  test.setTimeout(90_000);
  const name = `Body test ${Date.now()}`;
  await openWorkflow(page, cascade.apiKey, {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', position: { x: 200, y: 0 } },
      {
        id: 'lines', type: 'forEach', items: '[1, 2, 3]', concurrency: 1, position: { x: 140, y: 200 },
        body: {
          nodes: [{ id: 'note', type: 'action', action: 'core.log', input: { message: { $expr: "'line ' & steps.lines.item" } } }],
          edges: [{ id: 'b1', from: 'lines', to: 'note', port: 'item' }],
        },
      },
      { id: 'done', type: 'end', position: { x: 200, y: 660 } },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'lines' },
      { id: 'e2', from: 'lines', to: 'done', port: 'done' },
    ],
  });
  await page.setViewportSize({ width: 1400, height: 1100 });

  await page.getByTestId('test-run-open').click();
  const panel = page.getByTestId('test-run-panel');
  await expect(panel.getByTestId('test-run-sample')).toHaveValue(/invoiceId/);
  const started = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/test-runs'));
  await panel.getByTestId('test-run-start').click();
  const testRunId = ((await (await started).json()) as { id: string }).id;

  // The body's action ran once per item: completed, "3×", inside its forEach's group.
  const canvas = panel.getByTestId('test-run-canvas');
  const node = (id: string) => canvas.getByTestId(`run-node-${id}`);
  await expect(panel.getByTestId('test-run-status')).toHaveText('COMPLETED', { timeout: 20_000 });
  await expect(node('note')).toHaveAttribute('data-state', 'completed');
  await expect(node('note').getByTestId('run-node-caption')).toHaveText('completed · 3×');
  await expect(node('lines')).toHaveAttribute('data-state', 'completed');
  await expect(node('lines').getByTestId('run-node-caption')).toHaveText('completed · 3 iterations');
  await expect(node('done')).toHaveAttribute('data-state', 'completed');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath('body-test-run-completed.png') });

  // After a reload the panel lists it among the recent test runs, and opens it as it was.
  await page.reload();
  await page.getByTestId('test-run-open').click();
  const row = panel.getByTestId(`test-run-history-${testRunId}`);
  await expect(row).toContainText('COMPLETED');
  await expect(row).toContainText('Whole draft');
  await expect(row).toContainText('INVOICE_OVERDUE');
  await panel.getByTestId('test-run-history').scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath('body-test-run-history.png') });
  await row.getByRole('button', { name: 'Open' }).click();
  await expect(panel.getByTestId('test-run-status')).toHaveText('COMPLETED');
  await expect(node('note')).toHaveAttribute('data-state', 'completed');
  await expect(node('note').getByTestId('run-node-caption')).toHaveText('completed · 3×');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath('body-test-run-reopened.png') });
});
