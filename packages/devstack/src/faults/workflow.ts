/** The event the suite posts and the follow-up each run emits. */
export const TRIGGER_EVENT = 'INVOICE_OVERDUE';
export const FOLLOW_UP_EVENT = 'billing.plan.changed';

/**
 * trigger → http.request POST (a side effect, carrying the step's Idempotency-Key and the event's
 * id) → emit a follow-up → end. `repeatUncertain` is what a workflow author sets for a target that
 * honours the key: an attempt cut off by a worker's death is repeated under the same key rather
 * than failing the run (without it the run fails, which the suite would count as not finished).
 */
export function faultWorkflow(targetUrl: string) {
  return {
    schemaVersion: 1,
    name: 'Fault suite: overdue invoice → POST → announce',
    nodes: [
      { id: 'start', type: 'trigger', event: TRIGGER_EVENT },
      {
        id: 'notify',
        type: 'action',
        action: 'http.request',
        repeatUncertain: true,
        input: { method: 'POST', url: targetUrl, body: { eventId: { $expr: 'event.id' } }, failOnStatus: true, timeoutMs: 10_000 },
      },
      {
        id: 'announce',
        type: 'emit',
        event: FOLLOW_UP_EVENT,
        data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: { $expr: "'invoice-' & event.data.invoiceId" } },
      },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'notify' },
      { id: 'e2', from: 'notify', to: 'announce' },
      { id: 'e3', from: 'announce', to: 'done' },
    ],
  };
}
