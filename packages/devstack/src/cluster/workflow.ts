/**
 * The cluster test's workflow: an overdue invoice is announced, the run waits for the client's
 * payment (delivered by whichever worker's dispatcher routes it), and the payment is announced.
 * Two emits per run, so a run replayed on another worker that repeated one would show.
 */
export const clusterWorkflow = {
  schemaVersion: 1,
  name: 'Cluster: overdue → announce → wait for payment → announce',
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    {
      id: 'overdue',
      type: 'emit',
      event: 'billing.plan.changed',
      data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'current', newPlan: { $expr: "'overdue-' & event.data.invoiceId" } },
    },
    { id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT30M', correlation: { event: 'event.data.clientId', run: 'event.data.clientId' } },
    {
      id: 'settled',
      type: 'emit',
      event: 'billing.plan.changed',
      data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: { $expr: "'settled-' & event.data.invoiceId" } },
    },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'overdue' },
    { id: 'e2', from: 'overdue', to: 'paid' },
    { id: 'e3', from: 'paid', to: 'settled', port: 'received' },
    { id: 'e4', from: 'paid', to: 'done', port: 'timeout' },
    { id: 'e5', from: 'settled', to: 'done' },
  ],
};

/** Emits each run makes: the overdue and the settled announcement. */
export const EMITS_PER_RUN = 2;

/** An overdue invoice of one client, or that client's payment. */
export function overdueInvoice(tenantId: string, id: string, clientId: string) {
  return {
    id,
    type: 'INVOICE_OVERDUE',
    source: 'cluster-test',
    data: { tenantId, invoiceId: id, clientId, overdueAt: '2026-04-01T00:05:00Z', dueDate: '2026-03-31', amountDue: 4825, currency: 'USD', daysOverdue: 1 },
  };
}

export function paymentRecorded(tenantId: string, clientId: string) {
  return {
    id: crypto.randomUUID(),
    type: 'PAYMENT_RECORDED',
    source: 'cluster-test',
    data: { tenantId, paymentId: crypto.randomUUID(), clientId, receivedAt: '2026-04-02T09:00:00Z', amount: 4825, currency: 'USD', method: 'card', gatewayTransactionId: 'ch_cluster' },
  };
}
