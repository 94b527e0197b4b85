import { createWorkflow } from '../designer-steps';
import { expect, test } from '../fixtures';

type StoredNode = { id: string; expression?: string; input?: Record<string, unknown> };

test('expression slips: the designer names JSONata’s way for ==, warns about a literal {{ }} and fixes both in one click', async ({ adminPage: page }) => {
  await createWorkflow(page, `Expression slips ${Date.now()}`);
  const inspector = page.getByTestId('inspector');
  const panel = page.getByTestId('problems');

  // An empty expression field shows an example of what belongs there: a comparison for a condition.
  await page.getByTestId('palette-condition').click();
  const expression = inspector.getByLabel('Expression', { exact: true });
  await expression.fill('');
  await expect(expression).toHaveAttribute('aria-placeholder', 'e.g. event.data.amountDue > 1000');

  // == is another language's: the error names JSONata's =, and Fix writes the corrected expression.
  await expression.fill('event.data.overdueBySeconds == 3600');
  const slip = panel.getByTestId('problem').filter({ hasText: 'condition_1 · expression' });
  await expect(slip).toHaveText(/JSONata compares with =, not ==: write event\.data\.overdueBySeconds = 3600/);
  await expect(slip).toHaveAttribute('data-severity', 'error');
  const fieldSlip = inspector.getByTestId('field-problem').filter({ hasText: 'JSONata compares with =' });
  await expect(fieldSlip).toBeVisible();
  await expect(expression).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: test.info().outputPath('condition-slip.png') });
  await fieldSlip.getByTestId('apply-fix').click();
  await expect(expression).toHaveText('event.data.overdueBySeconds = 3600');
  await expect(panel.getByTestId('problem').filter({ hasText: 'JSONata' })).toHaveCount(0);

  // A literal {{ }} in an action's input is allowed, but probably not meant: a warning, not an error.
  await page.getByTestId('palette-action').click();
  await inspector.getByLabel('Action', { exact: true }).selectOption('core.log');
  await inspector.getByLabel('next leads to').selectOption('end_1');
  await page.getByTestId('node-trigger_1').click();
  await inspector.getByLabel('next leads to').selectOption('action_1');
  await page.getByTestId('node-action_1').click();
  const mapping = inspector.getByLabel('Input mapping');
  await mapping.fill('{ "message": "{{ event.data.ticketId }}" }');
  const warning = panel.getByTestId('warnings').getByTestId('warning');
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('Warning: action_1 · input.message: "{{ event.data.ticketId }}" is passed on as this text');
  await expect(warning).toHaveAttribute('data-severity', 'warning');
  await expect(panel.getByTestId('problem').filter({ hasText: 'input.message' })).toHaveCount(0);
  await expect(inspector.getByTestId('field-problem').filter({ hasText: 'is passed on as this text' })).toHaveAttribute('data-severity', 'warning');
  await expect(page.getByTestId('node-action_1').getByTestId('node-problems')).toHaveText(/^Warning: input\.message: /);
  await page.screenshot({ path: test.info().outputPath('literal-warning.png') });
  await panel.screenshot({ path: test.info().outputPath('literal-warning-panel.png') });
  await inspector.getByTestId('field-problem').filter({ hasText: 'is passed on as this text' }).scrollIntoViewIfNeeded();
  await inspector.screenshot({ path: test.info().outputPath('literal-warning-field.png') });

  await warning.getByRole('button', { name: 'Fix action_1 · input.message: write the expression event.data.ticketId' }).click();
  await expect(panel.getByTestId('warnings')).toHaveCount(0);
  await expect(mapping).toHaveValue(/"\$expr": "event\.data\.ticketId"/);
  await page.screenshot({ path: test.info().outputPath('literal-fixed.png') });

  // A correlation field's example is a key, not a condition.
  await page.getByTestId('palette-waitForEvent').click();
  const correlation = inspector.getByLabel('Correlation: on the awaited event');
  await correlation.fill('');
  await expect(correlation).toHaveAttribute('aria-placeholder', 'e.g. event.data.invoiceId');
  await expect(inspector.getByLabel('Filter')).toHaveAttribute('aria-placeholder', 'optional, e.g. event.data.status = "PAID"');

  // What was fixed is what is stored.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const stored = (await (await page.request.get(`/api/v1/workflows/${page.url().split('/').pop()}`)).json()) as { draft: { nodes: StoredNode[] } };
  const node = (id: string) => stored.draft.nodes.find((candidate) => candidate.id === id)!;
  expect(node('condition_1').expression).toBe('event.data.overdueBySeconds = 3600');
  expect(node('action_1').input).toEqual({ message: { $expr: 'event.data.ticketId' } });
});
