import { describe, expect, it } from 'vitest';
import { dataInScope, eventInScope } from './data-in-scope';
import { everyNodeTypeDefinition, testCatalog } from './fixtures';
import type { ScopeField } from './scope-tree';

/** Every path in scope, with its type and a `?` when it may be absent: `steps.task.output.taskId: string`. */
function listed(fields: readonly ScopeField[]): string[] {
  return fields.flatMap((field) => [`${field.path}: ${field.perItem ? `[${field.type}]` : field.type}${field.optional ? '?' : ''}`, ...listed(field.children)]);
}
const scopeAt = (nodeId: string, definition: unknown = everyNodeTypeDefinition()) => listed(dataInScope(definition, nodeId, testCatalog));
const stepsAt = (nodeId: string, definition?: unknown) => dataInScope(definition ?? everyNodeTypeDefinition(), nodeId, testCatalog).filter((root) => root.path.startsWith('steps.')).map((root) => root.name);

const expr = ($expr: string) => ({ $expr });
const edge = (id: string, from: string, to: string, port?: string) => ({ id, from, to, ...(port ? { port } : {}) });

/** A straight line from the trigger through `nodes` to an end, each reached by its predecessor's `next`. */
function line(...nodes: Array<Record<string, unknown>>) {
  const all = [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' }, ...nodes, { id: 'last', type: 'end' }];
  return { schemaVersion: 1, name: 'line', nodes: all, edges: all.slice(1).map((node, index) => edge(`e${index}`, all[index]!.id as string, node.id as string)) };
}

describe('dataInScope', () => {
  it('offers the trigger event with its envelope and typed payload, the variables and the run at the trigger, and no steps', () => {
    const scope = scopeAt('start');
    expect(stepsAt('start')).toEqual([]);
    expect(scope).toEqual(
      expect.arrayContaining([
        'event.id: string', 'event.correlationId: string?', 'event.actor.type: string?', 'event.data: object',
        'event.data.amountDue: integer', 'event.data.customer.accountManager: string?', 'event.data.lines: array', 'event.data.lines.sku: [string]',
        'vars.attempts: integer', 'run.id: string', 'run.workflowVersion: integer',
      ]),
    );
  });

  it('describes each field: the envelope’s from the envelope, the payload’s from the catalog', () => {
    const event = dataInScope(everyNodeTypeDefinition(), 'big', testCatalog).find((root) => root.path === 'event')!;
    expect(event.description).toContain('INVOICE_OVERDUE');
    expect(event.children.find((field) => field.name === 'timestamp')).toMatchObject({ format: 'date-time', description: 'When the event happened' });
    expect(event.children.find((field) => field.name === 'actor')!.children.find((field) => field.name === 'type')!.enum).toEqual(['HUMAN', 'AGENT', 'SYSTEM']);
  });

  it('offers only the steps that certainly ran before the node', () => {
    expect(stepsAt('big')).toEqual(['init']);
    // A condition’s branches: route runs only when big is false, so the approval never sees it.
    expect(stepsAt('ask')).toEqual(['init', 'big']);
    expect(stepsAt('pause')).toEqual(['init', 'big', 'route']);
    // Parallel and join output nothing; the parallel branches both ran once merged.
    expect(stepsAt('perLine')).toEqual(['init', 'big', 'route', 'notify', 'task']);
    // The wait is reached from the forEach and from the delay: only what both paths share.
    expect(stepsAt('wait')).toEqual(['init', 'big', 'route']);
  });

  it('types a condition, a switch and a setVariables by what they output', () => {
    expect(scopeAt('ask')).toEqual(expect.arrayContaining(['steps.big.output: boolean', 'steps.init.output.attempts: integer', 'steps.init.output.largest: unknown']));
    const route = dataInScope(everyNodeTypeDefinition(), 'pause', testCatalog).find((root) => root.name === 'route')!;
    expect(route.children[0]).toMatchObject({ type: 'string', enum: ['large', 'default'] });
  });

  it('offers an approval’s outcome and its form fields; after its timeout they may be absent', () => {
    expect(scopeAt('escalate')).toEqual(expect.arrayContaining(['steps.ask.output.outcome: string', 'steps.ask.output.data.note: string?', 'steps.ask.output.data.level: string?']));
    const level = dataInScope(everyNodeTypeDefinition(), 'escalate', testCatalog).find((root) => root.name === 'ask')!.children[0]!.children.find((f) => f.name === 'data')!.children[1]!;
    expect(level.enum).toEqual(['manager', 'director']);
    expect(scopeAt('giveUp')).toEqual(expect.arrayContaining(['steps.ask.output: object?', 'steps.ask.output.outcome: string?']));
  });

  it('offers an action’s output fields from its schema', () => {
    expect(scopeAt('perLine')).toEqual(expect.arrayContaining(['steps.task.output.taskId: string', 'steps.task.output.url: string', 'steps.notify.output.logged: boolean']));
  });

  it('inside a forEach body offers the current item, typed by the items’ array, and its index; after it, each iteration’s outputs', () => {
    expect(scopeAt('logLine')).toEqual(expect.arrayContaining(['steps.perLine.item: object', 'steps.perLine.item.sku: string', 'steps.perLine.item.amount: integer', 'steps.perLine.index: integer']));
    expect(scopeAt('logLine')).not.toContain('steps.perLine.output: array');
    const after = line({ id: 'each', type: 'forEach', items: 'event.data.lines', concurrency: 1, body: { nodes: [{ id: 'inner', type: 'end' }], edges: [edge('b', 'each', 'inner', 'item')] } });
    after.edges.find((e) => e.from === 'each')!.port = 'done';
    expect(scopeAt('last', after)).toEqual(expect.arrayContaining(['steps.each.output: array', 'steps.each.output.inner: [unknown]?']));
  });

  it('offers a waitForEvent’s event, envelope and payload, present on its received branch and maybe absent after its timeout', () => {
    expect(scopeAt('paid')).toEqual(expect.arrayContaining(['steps.wait.output.data.amount: integer', 'steps.wait.output.correlationId: string?', 'steps.wait.output.id: string']));
    expect(scopeAt('collect')).toEqual(expect.arrayContaining(['steps.wait.output: object?', 'steps.wait.output.data.amount: integer?']));
  });

  it('types a variable by what assigns it, and marks one assigned later as maybe absent', () => {
    expect(scopeAt('finish')).toContain('vars.paidAmount: integer?');
    expect(scopeAt('paid')).toEqual(expect.arrayContaining(['vars.attempts: integer', 'vars.largest: unknown', 'vars.paidAmount: integer?']));
    expect(scopeAt('giveUp')).toContain('vars.attempts: integer');
  });

  it('offers a delay’s instant, an emit’s event id and, after an error port, the error; a sub-workflow’s output is not described', () => {
    const definition = line(
      { id: 'wait1', type: 'delay', duration: 'PT1M' },
      { id: 'send', type: 'emit', event: 'PAYMENT_RECEIVED', data: { tenantId: 't', invoiceId: 'i', amount: 1 } },
      { id: 'child', type: 'subWorkflow', workflow: 'collect-payment', version: 1, input: { invoiceId: expr('event.data.invoiceId') } },
      { id: 'join1', type: 'join', mode: 'all' },
    );
    definition.nodes.push({ id: 'recover', type: 'end' });
    definition.edges.push(edge('err', 'child', 'recover', 'error'));
    expect(scopeAt('last', definition)).toEqual(
      expect.arrayContaining(['steps.wait1.output.until: string', 'steps.send.output.eventId: string', 'steps.send.output.duplicate: boolean', 'steps.child.output: unknown']),
    );
    expect(stepsAt('last', definition)).not.toContain('join1');
    expect(scopeAt('last', definition)).not.toContain('steps.child.error: object?');
    expect(scopeAt('recover', definition)).toEqual(expect.arrayContaining(['steps.child.output: unknown?', 'steps.child.error: object?', 'steps.child.error.message: string?']));
  });

  it('gives a fail’s message and an end what ran before them', () => {
    const definition = line({ id: 'check', type: 'condition', expression: 'true' });
    definition.nodes.push({ id: 'stop', type: 'fail', message: '"no"' });
    definition.edges[1]!.port = 'true';
    definition.edges.push(edge('f', 'check', 'stop', 'false'));
    expect(stepsAt('stop', definition)).toEqual(['check']);
    expect(stepsAt('last', definition)).toEqual(['check']);
  });

  it('gives a filter the one event it sees', () => {
    expect(listed(eventInScope('PAYMENT_RECEIVED', testCatalog))).toEqual(expect.arrayContaining(['event.data.amount: integer', 'event.source: string']));
    expect(listed(eventInScope(undefined, testCatalog))).toContain('event.data: object');
  });

  it('answers a definition that is not one with the context alone', () => {
    expect(dataInScope('nonsense', 'x', testCatalog).map((root) => root.path)).toEqual(['event', 'vars', 'run']);
    expect(dataInScope(null, 'x', testCatalog).map((root) => root.path)).toEqual(['event', 'vars', 'run']);
  });
});
