import { expect, test } from '../fixtures';

test('a trigger filter is backtested in the designer against events published by the test', async ({ adminPage, request, cascade }) => {
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const batch = `backtest-${Date.now()}`;
  const invoice = (invoiceId: string, amountDue: number) => ({
    type: 'INVOICE_OVERDUE', source: 'billing', correlationId: batch,
    data: { tenantId: 'psa-1', invoiceId, clientId: 'c-1', overdueAt: '2026-03-04T00:00:00Z', dueDate: '2026-03-01', amountDue, currency: 'USD', daysOverdue: 3 },
  });
  expect((await request.post('/api/v1/events', { headers: auth, data: [invoice('i-1', 50), invoice('i-2', 500), invoice('i-3', 5_000)] })).status()).toBe(202);

  const filter = `event.correlationId = "${batch}" and event.data.amountDue > 100`;
  const definition = {
    schemaVersion: 1, name: `Large overdue invoices ${batch}`,
    nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter }, { id: 'done', type: 'end' }],
    edges: [{ id: 'e0', from: 'start', to: 'done' }],
  };
  const created = await request.post('/api/v1/workflows', { headers: auth, data: { name: definition.name, definition } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await adminPage.goto(`/workflows/${id}`);
  await adminPage.getByTestId('node-start').click();
  const backtest = adminPage.getByTestId('filter-backtest');
  await backtest.getByRole('button', { name: 'Try on recent events' }).click();
  await expect(backtest.getByTestId('backtest-summary')).toHaveText(/^2 of \d+ recent INVOICE_OVERDUE events would have started a run\.$/);
  await expect(backtest.getByText('Would have started a run (2)')).toBeVisible();
  await adminPage.getByTestId('inspector').screenshot({ path: test.info().outputPath('filter-backtest.png') });

  // A filter that fails on every event says so, with the error beside each.
  const field = adminPage.getByTestId('inspector').getByRole('textbox', { name: 'Filter', exact: true });
  await field.fill('$error("not yet")');
  await backtest.getByRole('button', { name: 'Try on recent events' }).click();
  await expect(backtest.getByTestId('backtest-summary')).toHaveText(/^0 of (\d+) recent INVOICE_OVERDUE events would have started a run; the filter failed on \1\.$/);
  await expect(backtest.getByText(/— not yet/).first()).toBeVisible();
});
