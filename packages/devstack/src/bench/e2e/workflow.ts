import type { Target } from './load';

/** trigger → condition → emit → end: the shape the issue measured, each step cheap, so the engine's own cost shows. */
export const benchWorkflow = {
  schemaVersion: 1,
  name: 'Bench: overdue invoice → large? → announce',
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    { id: 'large', type: 'condition', expression: 'event.data.amountDue > 1000' },
    {
      id: 'announce',
      type: 'emit',
      event: 'billing.plan.changed',
      data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: { $expr: "'invoice-' & event.data.invoiceId" } },
    },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'large' },
    { id: 'e2', from: 'large', to: 'announce', port: 'true' },
    { id: 'e3', from: 'large', to: 'done', port: 'false' },
    { id: 'e4', from: 'announce', to: 'done' },
  ],
};

/** Creates and publishes a workflow through the API, as a user's tooling would; answers its id. */
export async function publishWorkflow(target: Pick<Target, 'webUrl' | 'apiKey'>, definition: { name: string }): Promise<string> {
  const headers = { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' };
  const created = await fetch(new URL('/api/v1/workflows', target.webUrl), { method: 'POST', headers, body: JSON.stringify({ name: definition.name, definition }) });
  if (created.status !== 201) throw new Error(`creating workflow "${definition.name}" was answered ${created.status}: ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const published = await fetch(new URL(`/api/v1/workflows/${id}/publish`, target.webUrl), { method: 'POST', headers });
  if (published.status !== 201) throw new Error(`publishing workflow "${definition.name}" was answered ${published.status}: ${await published.text()}`);
  return id;
}

export const publishBenchWorkflow = (target: Target) => publishWorkflow(target, benchWorkflow);
