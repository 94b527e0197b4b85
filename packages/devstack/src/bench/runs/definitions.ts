import { workflowDefinitionSchema, type WorkflowDefinition, type WorkflowEdge, type WorkflowNode } from '@cascade/workflow';

function edges(...routes: string[]): WorkflowEdge[] {
  return routes.map((route, index) => {
    const [path, port] = route.split(':');
    const [from, to] = path!.split('->');
    return { id: `e${index}`, from: from!, to: to!, ...(port ? { port } : {}) };
  });
}

function definition(name: string, nodes: WorkflowNode[], routes: string[]): WorkflowDefinition {
  return workflowDefinitionSchema.parse({ schemaVersion: 1, name, nodes, edges: edges(...routes) });
}

const logOverdue: WorkflowNode = {
  id: 'log',
  type: 'action',
  action: 'core.log',
  input: { message: { $expr: "'Invoice ' & event.data.invoiceId & ' is overdue'" } },
};

/** Section 1 and 2: the three nodes the issue names, trigger → action → emit (→ end). */
export const threeNodeWorkflow = definition(
  'Bench: overdue invoice → log → emit',
  [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    logOverdue,
    {
      id: 'announce',
      type: 'emit',
      event: 'billing.plan.changed',
      data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: { $expr: "'invoice-' & event.data.invoiceId" } },
    },
    { id: 'done', type: 'end' },
  ],
  ['start->log', 'log->announce', 'announce->done'],
);

/** Section 3: each run waits a day for the payment of its client, then logs and ends. */
export const waitingWorkflow = definition(
  'Bench: overdue invoice → wait for payment → log',
  [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    {
      id: 'paid',
      type: 'waitForEvent',
      event: 'PAYMENT_RECORDED',
      timeout: 'P1D',
      correlation: { event: 'event.data.clientId', run: 'event.data.clientId' },
    },
    logOverdue,
    { id: 'done', type: 'end' },
  ],
  ['start->paid', 'paid->log:received', 'paid->done:timeout', 'log->done'],
);
