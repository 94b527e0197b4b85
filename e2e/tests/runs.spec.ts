import { expect, test } from '../fixtures';

/**
 * The whole path through the real app: a workflow published over the API, an event that starts
 * it, a human approval in the browser, and the run's mail, notification and history in the UI.
 */
test('an event starts a run that waits for an approval given in the browser, then mails and notifies', async ({ adminPage, request, cascade }) => {
  const ticketId = `T-${Date.now()}`;
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const definition = {
    schemaVersion: 1,
    name: `Escalate ${ticketId}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', filter: `event.data.ticketId = "${ticketId}"` },
      {
        id: 'ask', type: 'approval', title: `Escalate ${ticketId}?`, assignees: ['support-leads'], timeout: 'P1D',
        formFields: [{ name: 'reason', label: 'Reason', type: 'text', required: true }],
      },
      {
        id: 'mail', type: 'action', action: 'email.send',
        input: { to: ['lead@example.com'], subject: { $expr: "'SLA breached: ' & event.data.ticketId" }, text: { $expr: "'Reason: ' & steps.ask.output.data.reason" } },
      },
      { id: 'tell', type: 'action', action: 'notification.send', input: { recipient: 'lead@example.com', title: { $expr: "'Escalated ' & event.data.ticketId" } } },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'ask' },
      { id: 'e2', from: 'ask', to: 'mail', port: 'approved' },
      { id: 'e3', from: 'ask', to: 'done', port: 'rejected' },
      { id: 'e4', from: 'mail', to: 'tell' },
      { id: 'e5', from: 'tell', to: 'done' },
    ],
  };
  const created = await request.post('/api/v1/workflows', { headers: auth, data: { name: definition.name, definition } });
  expect(created.status()).toBe(201);
  const { id: workflowId } = (await created.json()) as { id: string };
  expect((await request.post(`/api/v1/workflows/${workflowId}/publish`, { headers: auth })).status()).toBe(201);

  const published = await request.post('/api/v1/events', {
    headers: auth,
    data: {
      type: 'TICKET_SLA_STAGE_BREACHED', source: 'psa', correlationId: ticketId,
      data: { tenantId: 'psa-1', ticketId, slaPolicyId: 'SLA-1', stage: 'response', breachedAt: '2026-11-23T08:00:00Z', targetAt: '2026-11-23T07:00:00Z', overdueBySeconds: 3600 },
    },
  });
  expect(published.status()).toBe(202);

  // The dispatcher starts the run and it opens the approval task.
  await expect(async () => {
    await adminPage.goto('/approvals');
    await expect(adminPage.getByTestId('approval-task').filter({ hasText: `Escalate ${ticketId}?` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const task = adminPage.getByTestId('approval-task').filter({ hasText: `Escalate ${ticketId}?` });
  await task.getByRole('button', { name: 'Approve' }).click();
  await expect(task.getByRole('alert')).toContainText('reason');
  await task.getByLabel('Reason').fill('customer is waiting');
  await task.getByRole('button', { name: 'Approve' }).click();
  await expect(adminPage.getByTestId('decided-tasks')).toContainText(`Escalate ${ticketId}?: APPROVED`);

  // The run completes; its page shows every step.
  const runs = (await (await request.get(`/api/v1/runs?workflowId=${workflowId}`, { headers: auth })).json()) as { items: Array<{ id: string }> };
  expect(runs.items).toHaveLength(1);
  await expect(async () => {
    await adminPage.goto(`/runs/${runs.items[0]!.id}`);
    await expect(adminPage.getByTestId('run-status')).toContainText('COMPLETED', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(adminPage.getByTestId('run-step').filter({ hasText: 'mail' })).toContainText('messageId');
  await expect(adminPage.getByTestId('run-step').filter({ hasText: 'ask' })).toContainText('customer is waiting');

  // Its mail reached the capture server, its notification the inbox.
  await adminPage.goto('/outbox');
  await expect(adminPage.getByTestId('outbox-row').filter({ hasText: `SLA breached: ${ticketId}` })).toBeVisible();
  await adminPage.goto('/inbox');
  await expect(adminPage.getByTestId('notification').filter({ hasText: `Escalated ${ticketId}` })).toBeVisible();
});

test('a running run is cancelled from its page', async ({ adminPage, request, cascade }) => {
  const auth = { authorization: `Bearer ${cascade.apiKey}` };
  const ticketId = `C-${Date.now()}`;
  const definition = {
    schemaVersion: 1,
    name: `Long wait ${ticketId}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', filter: `event.data.ticketId = "${ticketId}"` },
      { id: 'later', type: 'delay', duration: 'P7D' },
      { id: 'done', type: 'end' },
    ],
    edges: [{ id: 'e1', from: 'start', to: 'later' }, { id: 'e2', from: 'later', to: 'done' }],
  };
  const { id: workflowId } = (await (await request.post('/api/v1/workflows', { headers: auth, data: { name: definition.name, definition } })).json()) as { id: string };
  expect((await request.post(`/api/v1/workflows/${workflowId}/publish`, { headers: auth })).status()).toBe(201);
  await request.post('/api/v1/events', {
    headers: auth,
    data: {
      type: 'TICKET_SLA_STAGE_BREACHED', source: 'psa',
      data: { tenantId: 'psa-1', ticketId, slaPolicyId: 'SLA-1', stage: 'response', breachedAt: '2026-11-23T08:00:00Z', targetAt: '2026-11-23T07:00:00Z', overdueBySeconds: 60 },
    },
  });
  let runId = '';
  await expect(async () => {
    const { items } = (await (await request.get(`/api/v1/runs?workflowId=${workflowId}`, { headers: auth })).json()) as { items: Array<{ id: string }> };
    expect(items).toHaveLength(1);
    runId = items[0]!.id;
  }).toPass({ timeout: 20_000 });

  await adminPage.goto(`/runs/${runId}`);
  await adminPage.getByRole('button', { name: 'Cancel run' }).click();
  await expect(async () => {
    await adminPage.reload();
    await expect(adminPage.getByTestId('run-status')).toContainText('CANCELLED', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});
