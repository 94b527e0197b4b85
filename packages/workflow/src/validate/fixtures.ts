import { z } from 'zod';
import { checkValue, type CatalogEvent, type CatalogField, type ValidationCatalog } from './catalog';

/** Test data: a small catalog, and a definition that uses every node type and passes. */

const field = (path: string, type: string, optional = false): CatalogField => ({ path, type, optional });
const eventOf = (payload: z.ZodType, fields: CatalogField[], version = 1): CatalogEvent => ({ version, fields, validatePayload: (data) => checkValue(payload, data) });

/** Each event type's versions, oldest first. */
const events: Record<string, CatalogEvent | CatalogEvent[]> = {
  INVOICE_OVERDUE: eventOf(z.object({}), [
    field('tenantId', 'string'),
    field('invoiceId', 'string'),
    field('amountDue', 'integer'),
    field('daysOverdue', 'integer'),
    field('customer', 'object'),
    field('customer.id', 'string'),
    field('customer.accountManager', 'string', true),
    field('lines', 'array'),
    field('lines[].sku', 'string'),
    field('lines[].amount', 'integer'),
    field('metadata', 'object', true),
  ]),
  PAYMENT_RECEIVED: eventOf(z.object({}), [field('tenantId', 'string'), field('invoiceId', 'string'), field('amount', 'integer')]),
  INVOICE_ESCALATED: eventOf(
    z.object({ tenantId: z.string(), invoiceId: z.string(), level: z.enum(['manager', 'director']), note: z.string().optional() }),
    [field('tenantId', 'string'), field('invoiceId', 'string'), field('level', 'string'), field('note', 'string', true)],
  ),
  // Version 2 renamed the payload's `result` to `outcome`: a breaking change that runs side by side.
  TASK_COMPLETED: [
    eventOf(z.object({ taskId: z.string(), result: z.string() }), [field('taskId', 'string'), field('result', 'string')], 1),
    eventOf(z.object({ taskId: z.string(), outcome: z.enum(['done', 'dropped']) }), [field('taskId', 'string'), field('outcome', 'string')], 2),
  ],
};

function eventAt(type: string, version: number | undefined): CatalogEvent | undefined {
  // An own entry only: a type named `__proto__` or `toString` is unknown, as in the real catalogs' maps.
  const entry = Object.hasOwn(events, type) ? events[type] : undefined;
  const versions = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  return version === undefined ? versions.at(-1) : versions.find((event) => event.version === version);
}

const actions = {
  'core.log': {
    input: z.object({ message: z.string().min(1), level: z.enum(['info', 'warn']).optional() }),
    inputFields: [field('message', 'string'), { ...field('level', 'string', true), enum: ['info', 'warn'] }],
    outputFields: [field('logged', 'boolean')],
  },
  'crm.create_task': {
    input: z.object({ title: z.string().min(1), assignee: z.string(), dueInDays: z.number().int().positive(), tags: z.array(z.string()).optional() }),
    inputFields: [field('title', 'string'), field('assignee', 'string'), field('dueInDays', 'integer'), { ...field('tags', 'array', true), itemType: 'string' }],
    outputFields: [field('taskId', 'string'), field('url', 'string')],
  },
};

export const testCatalog: ValidationCatalog = {
  getEvent: eventAt,
  getAction: (id) => (Object.hasOwn(actions, id) ? actions[id as keyof typeof actions] : undefined),
  getWorkflow: (id, version) =>
    id === 'collect-payment' && version === 1 ? { validateInput: (input) => checkValue(z.object({ invoiceId: z.string() }), input) } : undefined,
};

const expr = ($expr: string) => ({ $expr });
const edge = (id: string, from: string, to: string, port?: string) => ({ id, from, to, ...(port ? { port } : {}) });

/**
 * Chase an overdue invoice. Large amounts need an approval before escalating; otherwise a switch
 * either opens a task and logs in parallel, then logs each line, or waits an hour of business
 * time; then the run waits three days for the payment and hands over to a collection workflow.
 */
export function everyNodeTypeDefinition() {
  return {
    schemaVersion: 1 as const,
    name: 'Chase overdue invoices',
    description: 'Uses every node type',
    variables: { attempts: 0 },
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: 'event.data.daysOverdue > 0', position: { x: 0, y: 0 } },
      { id: 'init', type: 'setVariables', assign: { attempts: 1, largest: expr('$max(event.data.lines.amount)') } },
      { id: 'big', type: 'condition', label: 'Large amount?', expression: 'event.data.amountDue > 100000' },
      {
        id: 'ask', type: 'approval', title: 'Escalate this invoice?',
        assignees: ['finance-managers', expr('event.data.customer.accountManager')],
        formFields: [{ name: 'note', label: 'Note', type: 'text' }, { name: 'level', label: 'Level', type: 'select', options: ['manager', 'director'] }],
        timeout: 'P2D', escalation: { after: 'P1D', assignees: ['cfo'] },
      },
      {
        id: 'escalate', type: 'emit', event: 'INVOICE_ESCALATED',
        data: { tenantId: expr('event.data.tenantId'), invoiceId: expr('event.data.invoiceId'), level: 'manager', note: expr('steps.ask.output.data.note') },
      },
      { id: 'giveUp', type: 'fail', message: '"Nobody decided on " & event.data.invoiceId' },
      { id: 'route', type: 'switch', cases: [{ port: 'large', expression: 'vars.attempts < 3 and event.data.amountDue > 10000' }] },
      { id: 'fanOut', type: 'parallel' },
      { id: 'notify', type: 'action', action: 'core.log', input: { message: expr('"Invoice " & event.data.invoiceId & " is overdue"'), level: 'warn' } },
      {
        id: 'task', type: 'action', action: 'crm.create_task', retry: { maxAttempts: 3, initialInterval: 'PT1S', backoff: 2, maxInterval: 'PT1M' }, timeout: 'PT30S',
        input: { title: expr('"Chase " & event.data.invoiceId'), assignee: 'collections', dueInDays: 3, tags: ['overdue'] },
      },
      { id: 'merge', type: 'join', mode: 'all' },
      {
        id: 'perLine', type: 'forEach', items: 'event.data.lines', concurrency: 2,
        body: {
          nodes: [{ id: 'logLine', type: 'action', action: 'core.log', input: { message: expr('"Line " & steps.perLine.item.sku & " on task " & steps.task.output.taskId') } }],
          edges: [edge('b1', 'perLine', 'logLine', 'item')],
        },
      },
      { id: 'pause', type: 'delay', duration: 'PT1H', calendar: { timeZone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' } },
      { id: 'wait', type: 'waitForEvent', event: 'PAYMENT_RECEIVED', correlation: { event: 'event.data.invoiceId', run: 'event.data.invoiceId' }, filter: 'event.data.amount > 0', timeout: 'P3D' },
      { id: 'paid', type: 'setVariables', assign: { paidAmount: expr('steps.wait.output.data.amount') } },
      { id: 'collect', type: 'subWorkflow', workflow: 'collect-payment', version: 1, input: { invoiceId: expr('event.data.invoiceId'), attempts: expr('vars.attempts') } },
      { id: 'finish', type: 'end' },
    ],
    edges: [
      edge('e1', 'start', 'init'),
      edge('e2', 'init', 'big'),
      edge('e3', 'big', 'ask', 'true'),
      edge('e4', 'big', 'route', 'false'),
      edge('e5', 'ask', 'escalate', 'approved'),
      edge('e6', 'ask', 'finish', 'rejected'),
      edge('e7', 'ask', 'giveUp', 'timeout'),
      edge('e8', 'escalate', 'finish'),
      edge('e9', 'route', 'fanOut', 'large'),
      edge('e10', 'route', 'pause', 'default'),
      edge('e11', 'fanOut', 'notify'),
      edge('e12', 'fanOut', 'task'),
      edge('e13', 'notify', 'merge'),
      edge('e14', 'task', 'merge'),
      edge('e15', 'merge', 'perLine'),
      edge('e16', 'perLine', 'wait', 'done'),
      edge('e17', 'pause', 'wait'),
      edge('e18', 'wait', 'paid', 'received'),
      edge('e19', 'wait', 'collect', 'timeout'),
      edge('e20', 'paid', 'finish'),
      edge('e21', 'collect', 'finish'),
    ],
  };
}
