import { getEventDefinition } from '@cascade/catalog';
import { toEnvelope } from '@cascade/db';
import { INTERPRETER_REVISION, runInputFor, runWorkflowId, type RunInput } from '@cascade/temporal';
import type { MappingObject, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@cascade/workflow';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startRunHarness, type RunHarness } from '../../testing/run-harness';
import { MAX_BATCHED_STEPS } from './run-records';

let harness: RunHarness;
beforeAll(async () => {
  harness = await startRunHarness();
});
afterAll(() => harness?.stop());

/** A definition from nodes and `from->to[:port]` edges. */
function workflow(name: string, nodes: WorkflowNode[], edges: string[], variables?: Record<string, unknown>): WorkflowDefinition {
  return {
    schemaVersion: 1,
    name,
    nodes,
    edges: edges.map(parseEdge),
    ...(variables ? { variables: variables as WorkflowDefinition['variables'] } : {}),
  };
}

function parseEdge(text: string, index: number): WorkflowEdge {
  const [route, port] = text.split(':');
  const [from, to] = route!.split('->');
  return { id: `e${index}`, from: from!, to: to!, ...(port ? { port } : {}) };
}

const trigger = (filter?: string): WorkflowNode => ({ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', ...(filter ? { filter } : {}) });
const end: WorkflowNode = { id: 'done', type: 'end' };
const log = (id: string, message: string): WorkflowNode => ({ id, type: 'action', action: 'core.log', input: { message: { $expr: message } } });

describe('the interpreter on the real dev server', () => {
  it('runs trigger → variables → condition → action → emit, records every step and emits with causation', async () => {
    const { workflowId } = await harness.publish(
      workflow('Overdue reminder', [
        trigger('event.data.amountDue > 1000'),
        { id: 'count', type: 'setVariables', assign: { reminders: { $expr: 'vars.reminders + 1' } } },
        { id: 'big', type: 'condition', expression: 'event.data.amountDue > 100000' },
        log('remind', "'Invoice ' & event.data.invoiceId & ' is overdue'"),
        { id: 'announce', type: 'emit', event: 'billing.plan.changed', data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: { $expr: "'reminded-' & vars.reminders" } } },
        end,
      ], ['start->count', 'count->big', 'big->remind:true', 'big->done:false', 'remind->announce', 'announce->done'], { reminders: 0 }),
    );

    const { event, routed } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 482500 }, { correlationId: 'order-77' });
    expect(routed).toMatchObject({ runsStarted: 1, runsSignalled: 0, notes: [] });
    const result = await harness.resultOf(workflowId, event.id);
    expect(result.vars).toEqual({ reminders: 1 });

    const run = await harness.runOf(workflowId, event.id);
    expect(run.status).toBe('COMPLETED');
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(run.steps.map((step) => [step.key, step.status])).toEqual(
      expect.arrayContaining([['start', 'COMPLETED'], ['count', 'COMPLETED'], ['big', 'COMPLETED'], ['remind', 'COMPLETED'], ['announce', 'COMPLETED'], ['done', 'COMPLETED']]),
    );
    const remind = run.steps.find((step) => step.key === 'remind')!;
    expect(remind.input).toEqual({ message: `Invoice ${(event.data as { invoiceId: string }).invoiceId} is overdue` });
    expect(remind.output).toEqual({ logged: true });

    const announce = run.steps.find((step) => step.key === 'announce')!;
    const emitted = await harness.db.event.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: harness.tenant.id, id: (announce.output as { eventId: string }).eventId } },
    });
    expect(emitted).toMatchObject({ type: 'billing.plan.changed', causationId: event.id, correlationId: 'order-77', causationDepth: 1 });
    expect(emitted.data).toEqual({ tenantId: harness.tenant.id, oldPlan: 'overdue', newPlan: 'reminded-1' });
  });

  it('emits the event version its published definition pins, and version 1 for definitions that name none', async () => {
    const emitting = (name: string, version: number | undefined, data: MappingObject) =>
      workflow(name, [trigger('event.data.amountDue = 6101'), { id: 'report', type: 'emit', event: 'agent.task_completed', ...(version ? { version } : {}), data }, end], ['start->report', 'report->done']);
    const { example: v1 } = getEventDefinition('agent.task_completed', 1);
    const { example: v2 } = getEventDefinition('agent.task_completed', 2);
    const pinned = await harness.publish(emitting('Pinned v2', 2, v2));
    const legacy = await harness.publish(emitting('Published before versions', undefined, v1));

    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 6101 });
    const emittedBy = async (workflowId: string) => {
      await harness.resultOf(workflowId, event.id);
      const step = (await harness.runOf(workflowId, event.id)).steps.find((s) => s.key === 'report')!;
      return harness.db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: harness.tenant.id, id: (step.output as { eventId: string }).eventId } } });
    };
    expect(await emittedBy(pinned.workflowId)).toMatchObject({ type: 'agent.task_completed', version: 2, data: v2 });
    expect(await emittedBy(legacy.workflowId)).toMatchObject({ type: 'agent.task_completed', version: 1, data: v1 });
  });

  it('starts nothing when the filter is false, and notes a filter that fails without stopping', async () => {
    const quiet = await harness.publish(workflow('Only huge', [trigger('event.data.amountDue > 999999999'), end], ['start->done']));
    const broken = await harness.publish(workflow('Broken filter', [trigger('$number("x") > 1'), end], ['start->done']));
    const { event, routed } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 10 });
    expect(routed.runsStarted).toBe(0);
    expect(routed.notes).toEqual([expect.stringMatching(/^Trigger filter of workflow "Broken filter .*" failed: /)]);
    expect(await harness.db.run.count({ where: { workflowId: { in: [quiet.workflowId, broken.workflowId] }, eventId: event.id } })).toBe(0);
  });

  it('starts one run per trigger and event, however often the event is routed', async () => {
    const { workflowId } = await harness.publish(workflow('Once', [trigger('event.data.amountDue = 4242'), end], ['start->done']));
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 4242 });
    const again = await harness.routeEvent(event);
    expect(again.runsStarted).toBe(0);
    await harness.resultOf(workflowId, event.id);
    expect(await harness.db.run.count({ where: { workflowId, eventId: event.id } })).toBe(1);
  });

  it('takes an error port when an action fails, and fails the run where nothing catches it', async () => {
    const failing: WorkflowNode = { id: 'bad', type: 'action', action: 'core.log', input: { message: '' }, retry: { maxAttempts: 1, initialInterval: 'PT1S', backoff: 1, maxInterval: 'PT1S' } };
    const caught = await harness.publish(
      workflow('Caught', [trigger('event.data.amountDue = 7001'), failing, log('recover', "'recovered: ' & steps.bad.error.message"), end],
        ['start->bad', 'bad->done', 'bad->recover:error', 'recover->done']),
    );
    const uncaught = await harness.publish(workflow('Uncaught', [trigger('event.data.amountDue = 7001'), failing, end], ['start->bad', 'bad->done']));
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 7001 });

    await harness.resultOf(caught.workflowId, event.id);
    const recovered = await harness.runOf(caught.workflowId, event.id);
    expect(recovered.status).toBe('COMPLETED');
    expect(recovered.steps.find((s) => s.key === 'bad')).toMatchObject({ status: 'FAILED', error: { message: expect.stringContaining('Input of core.log is invalid') } });
    expect(recovered.steps.find((s) => s.key === 'recover')?.input).toEqual({ message: expect.stringContaining('recovered: Input of core.log is invalid') });

    await expect(harness.resultOf(uncaught.workflowId, event.id)).rejects.toBeInstanceOf(WorkflowFailedError);
    const failed = await harness.runOf(uncaught.workflowId, event.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatchObject({ node: 'bad', message: expect.stringContaining('message') });
  });

  it('runs parallel branches into a join, routes by switch, and ends with fail', async () => {
    const { workflowId } = await harness.publish(
      workflow('Fan out', [
        trigger('event.data.amountDue = 8001'),
        { id: 'split', type: 'parallel' },
        { id: 'a', type: 'setVariables', assign: { a: 1 } },
        { id: 'b', type: 'setVariables', assign: { b: 2 } },
        { id: 'gate', type: 'condition', expression: 'false' },
        { id: 'c', type: 'setVariables', assign: { c: 3 } },
        { id: 'meet', type: 'join', mode: 'all' },
        { id: 'route', type: 'switch', cases: [{ port: 'small', expression: 'vars.a + vars.b < 3' }, { port: 'three', expression: 'vars.a + vars.b = 3' }] },
        { id: 'stop', type: 'fail', message: "'sum was ' & (vars.a + vars.b)" },
        end,
      ], ['start->split', 'split->a', 'split->b', 'split->gate', 'gate->c:true', 'a->meet', 'b->meet', 'c->meet', 'gate->meet:false', 'meet->route', 'route->done:small', 'route->stop:three', 'route->done:default']),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 8001 });
    const failure = await harness.resultOf(workflowId, event.id).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.message).toBe('sum was 3');
    const run = await harness.runOf(workflowId, event.id);
    expect(run).toMatchObject({ status: 'FAILED', error: { node: 'stop', message: 'sum was 3' } });
    expect(run.steps.map((s) => s.key)).not.toContain('c');
    expect(run.steps.find((s) => s.key === 'route')?.output).toBe('three');
  });

  it('runs a forEach body per item with limited concurrency and collects each iteration', async () => {
    const { workflowId } = await harness.publish(
      workflow('Per line', [
        trigger('event.data.amountDue = 9001'),
        {
          id: 'lines',
          type: 'forEach',
          items: '[1, 2, 3, 4, 5]',
          concurrency: 2,
          body: {
            nodes: [log('note', "'line ' & steps.lines.item & ' of 5'")],
            edges: [{ id: 'b0', from: 'lines', to: 'note', port: 'item' }],
          },
        },
        { id: 'total', type: 'setVariables', assign: { count: { $expr: '$count(steps.lines.output)' } } },
        end,
      ], ['start->lines', 'lines->total:done', 'total->done']),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9001 });
    expect((await harness.resultOf(workflowId, event.id)).vars).toEqual({ count: 5 });
    const run = await harness.runOf(workflowId, event.id);
    const notes = run.steps.filter((s) => s.nodeId === 'note');
    expect(notes.map((s) => s.key).sort()).toEqual(['lines[0].note', 'lines[1].note', 'lines[2].note', 'lines[3].note', 'lines[4].note']);
    expect(notes.find((s) => s.key === 'lines[3].note')?.input).toEqual({ message: 'line 4 of 5' });
    expect(run.steps.find((s) => s.key === 'lines')?.output).toHaveLength(5);
  });

  it('writes the steps of a long loop of side-effect-free actions in bounded batches, while it runs', async () => {
    const items = MAX_BATCHED_STEPS * 2 + 50;
    const { workflowId } = await harness.publish(
      workflow('Many lines', [
        trigger('event.data.amountDue = 9901'),
        {
          id: 'lines', type: 'forEach', items: `[1..${items}]`, concurrency: 5,
          body: { nodes: [log('note', "'line ' & steps.lines.item")], edges: [{ id: 'b0', from: 'lines', to: 'note', port: 'item' }] },
        },
        end,
      ], ['start->lines', 'lines->done:done']),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9901 });
    await harness.resultOf(workflowId, event.id);
    const run = await harness.runOf(workflowId, event.id);
    expect(run.steps.filter((s) => s.nodeId === 'note' && s.status === 'COMPLETED')).toHaveLength(items);
    const { events } = await harness.handleOf(workflowId, event.id).fetchHistory();
    // One local activity per action and one to finish; the writes of full batches come on top.
    const activities = events!.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
    expect(activities.length).toBeGreaterThanOrEqual(items + 1 + Math.floor(items / MAX_BATCHED_STEPS));
  });

  it('delivers a correlated event to a waiting run, both buffered (arrived first) and signalled (arrived later)', async () => {
    const waiting = (id: string): WorkflowNode => ({
      id, type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT1M',
      correlation: { event: 'event.data.clientId', run: 'event.data.clientId' },
      filter: 'event.data.amount >= 100',
    });
    const { workflowId } = await harness.publish(
      workflow('Await payment', [
        trigger('event.data.amountDue = 9101'),
        waiting('paid'),
        { id: 'record', type: 'setVariables', assign: { paid: { $expr: 'steps.paid.output.data.amount' } } },
        end,
      ], ['start->paid', 'paid->record:received', 'paid->done:timeout', 'record->done']),
    );
    const clientA = crypto.randomUUID();
    const clientB = crypto.randomUUID();

    // A: the payment is already in the log when the run reaches its wait (buffered).
    await harness.ingest('PAYMENT_RECORDED', { clientId: clientA, amount: 250 });
    const a = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9101, clientId: clientA });
    expect((await harness.resultOf(workflowId, a.event.id)).vars).toEqual({ paid: 250 });

    // B: the run waits first; a payment of another client and one the filter refuses do not end the wait.
    const b = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9101, clientId: clientB });
    const wait = await eventually(async () => (await harness.db.wait.findFirst({ where: { run: { eventId: b.event.id, workflowId } } })) ?? undefined);
    expect(wait).toMatchObject({ eventType: 'PAYMENT_RECORDED', correlationKey: JSON.stringify(clientB), closedAt: null });
    expect((await harness.publishEvent('PAYMENT_RECORDED', { clientId: crypto.randomUUID(), amount: 500 })).routed.runsSignalled).toBe(0);
    expect((await harness.publishEvent('PAYMENT_RECORDED', { clientId: clientB, amount: 5 })).routed.runsSignalled).toBe(1);
    const payment = await harness.publishEvent('PAYMENT_RECORDED', { clientId: clientB, amount: 700 });
    expect(payment.routed.runsSignalled).toBe(1);
    expect((await harness.resultOf(workflowId, b.event.id)).vars).toEqual({ paid: 700 });
    const closed = await harness.db.wait.findUniqueOrThrow({ where: { id: wait.id } });
    expect(closed.deliveredEventId).toBe(payment.event.id);
    expect(closed.closedAt).toBeInstanceOf(Date);
  });

  it('takes the timeout port when no event comes', async () => {
    const { workflowId } = await harness.publish(
      workflow('Short wait', [
        trigger('event.data.amountDue = 9201'),
        { id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT1S', correlation: { event: 'event.data.clientId', run: 'event.data.clientId' } },
        { id: 'late', type: 'setVariables', assign: { late: true } },
        end,
      ], ['start->paid', 'paid->done:received', 'paid->late:timeout', 'late->done']),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9201, clientId: crypto.randomUUID() });
    expect((await harness.resultOf(workflowId, event.id)).vars).toEqual({ late: true });
  });

  it('waits for an approval decided by signal and continues by its outcome', async () => {
    const { workflowId } = await harness.publish(
      workflow('Approve write-off', [
        trigger('event.data.amountDue = 9301'),
        { id: 'ask', type: 'approval', title: 'Write off?', assignees: ['finance', { $expr: "'owner:' & event.data.clientId" }], timeout: 'P3D', formFields: [{ name: 'reason', label: 'Reason', type: 'text', required: true }] },
        { id: 'yes', type: 'setVariables', assign: { reason: { $expr: 'steps.ask.output.data.reason' } } },
        { id: 'no', type: 'setVariables', assign: { rejected: true } },
        end,
      ], ['start->ask', 'ask->yes:approved', 'ask->no:rejected', 'yes->done', 'no->done']),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9301 });
    const task = await eventually(async () => (await harness.db.approvalTask.findFirst({ where: { run: { eventId: event.id, workflowId } } })) ?? undefined);
    expect(task).toMatchObject({ title: 'Write off?', status: 'PENDING', assignees: ['finance', `owner:${(event.data as { clientId: string }).clientId}`] });
    await harness.handleOf(workflowId, event.id).signal('decideApproval', { taskId: task.id, outcome: 'approved', data: { reason: 'customer bankrupt' }, decidedBy: 'alice' });
    expect((await harness.resultOf(workflowId, event.id)).vars).toEqual({ reason: 'customer bankrupt' });
    const step = (await harness.runOf(workflowId, event.id)).steps.find((s) => s.key === 'ask');
    expect(step?.output).toEqual({ outcome: 'approved', data: { reason: 'customer bankrupt' }, decidedBy: 'alice' });
  });

  it('runs a pinned sub-workflow version as a child run and hands back its variables', async () => {
    const child = await harness.publish(
      workflow('Child', [
        { id: 'start', type: 'trigger', event: 'module.registry.activated' },
        { id: 'double', type: 'setVariables', assign: { doubled: { $expr: 'vars.amount * 2' } } },
        end,
      ], ['start->double', 'double->done']),
    );
    const parent = await harness.publish(
      workflow('Parent', [
        trigger('event.data.amountDue = 9401'),
        { id: 'sub', type: 'subWorkflow', workflow: child.workflowId, version: 1, input: { amount: { $expr: 'event.data.amountDue' } } },
        { id: 'keep', type: 'setVariables', assign: { fromChild: { $expr: 'steps.sub.output.doubled' } } },
        end,
      ], ['start->sub', 'sub->keep', 'keep->done']),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9401 });
    expect((await harness.resultOf(parent.workflowId, event.id)).vars).toEqual({ fromChild: 18802 });
    const parentRun = await harness.runOf(parent.workflowId, event.id);
    const childRun = await harness.db.run.findFirstOrThrow({ where: { parentRunId: parentRun.id } });
    expect(childRun).toMatchObject({ workflowId: child.workflowId, status: 'COMPLETED', versionId: child.versionId });
  });

  it('continues as new when the history grows long, and keeps its variables and place', async () => {
    // Timers add history (local activities do not), so a chain of short delays grows it.
    const pauses = Array.from({ length: 6 }, (_, i): WorkflowNode => ({ id: `p${i}`, type: 'delay', duration: 'PT0.1S' }));
    const chain = ['start->count', 'count->p0', ...pauses.slice(1).map((_, i) => `p${i}->p${i + 1}`), 'p5->more', 'more->done'];
    const { workflowId, versionId } = await harness.publish(
      workflow('Long', [
        trigger('event.data.amountDue = 9501'),
        { id: 'count', type: 'setVariables', assign: { seen: 1 } },
        ...pauses,
        { id: 'more', type: 'setVariables', assign: { seen: { $expr: 'vars.seen + 1' } } },
        end,
      ], chain),
    );
    const event = await harness.ingest('INVOICE_OVERDUE', { amountDue: 9501 });
    const definition = (await harness.db.workflowVersion.findUniqueOrThrow({ where: { id: versionId } })).definition as unknown as WorkflowDefinition;
    const input: RunInput = {
      run: { id: crypto.randomUUID(), tenantId: harness.tenant.id, workflowId, versionId, version: 1 },
      definition,
      event: toEnvelope(event),
      historyLimit: 12,
    };
    const handle = await harness.client.workflow.start('runWorkflow', { taskQueue: harness.taskQueue, workflowId: runWorkflowId(workflowId, event.id), args: [input] });
    expect(await handle.result()).toEqual({ vars: { seen: 2 } });
    const latest = await harness.client.workflow.getHandle(handle.workflowId).describe();
    expect(latest.runId).not.toBe(handle.firstExecutionRunId);
    const run = await harness.runOf(workflowId, event.id);
    expect(run.status).toBe('COMPLETED');
    expect(run.steps.map((s) => s.key).sort()).toEqual(['count', 'done', 'more', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'start']);
  });

  it('leaves a run started under a newer interpreter revision to a worker that knows it', async () => {
    const { workflowId, versionId } = await harness.publish(workflow('From a newer worker', [trigger('event.data.amountDue = 9801'), end], ['start->done']));
    const event = await harness.ingest('INVOICE_OVERDUE', { amountDue: 9801 });
    const definition = (await harness.db.workflowVersion.findUniqueOrThrow({ where: { id: versionId } })).definition as unknown as WorkflowDefinition;
    const input: RunInput = {
      ...runInputFor({ id: crypto.randomUUID(), tenantId: harness.tenant.id, workflowId, versionId, version: 1 }, definition, event),
      revision: INTERPRETER_REVISION + 1,
    };
    const handle = await harness.client.workflow.start('runWorkflow', { taskQueue: harness.taskQueue, workflowId: runWorkflowId(workflowId, event.id), args: [input] });
    // The workflow task fails and is retried; the run itself does not fail.
    const failure = await eventually(async () => (await handle.fetchHistory()).events?.find((e) => e.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes ?? undefined);
    expect(failure.failure?.message).toBe(`The run was started under interpreter revision ${INTERPRETER_REVISION + 1}; this worker knows revisions up to ${INTERPRETER_REVISION}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await handle.terminate('test over');
  });

  it('pins each run to the version published when it started: v1 runs waiting while v2 is published finish on v1', async () => {
    const version = (label: string): WorkflowDefinition =>
      workflow(`Pinned`, [
        trigger('event.data.amountDue = 9601'),
        { id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT1M', correlation: { event: 'event.data.clientId', run: 'event.data.clientId' } },
        { id: 'mark', type: 'setVariables', assign: { version: label } },
        end,
      ], ['start->paid', 'paid->mark:received', 'paid->done:timeout', 'mark->done']);
    const v1 = await harness.publish(version('v1'));
    const firstClient = crypto.randomUUID();
    const first = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9601, clientId: firstClient });
    await eventually(async () => (await harness.db.wait.findFirst({ where: { run: { eventId: first.event.id } } })) ?? undefined);

    const v2 = await harness.publish(version('v2'), v1.workflowId);
    expect(v2.version).toBe(2);
    const secondClient = crypto.randomUUID();
    const second = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9601, clientId: secondClient });
    await eventually(async () => (await harness.db.wait.findFirst({ where: { run: { eventId: second.event.id } } })) ?? undefined);

    await harness.publishEvent('PAYMENT_RECORDED', { clientId: firstClient });
    await harness.publishEvent('PAYMENT_RECORDED', { clientId: secondClient });
    expect((await harness.resultOf(v1.workflowId, first.event.id)).vars).toEqual({ version: 'v1' });
    expect((await harness.resultOf(v1.workflowId, second.event.id)).vars).toEqual({ version: 'v2' });
    expect((await harness.runOf(v1.workflowId, first.event.id)).versionId).toBe(v1.versionId);
    expect((await harness.runOf(v1.workflowId, second.event.id)).versionId).toBe(v2.versionId);
  });

  it('moves a delay onto a business-hours calendar inside workflow code (Intl time zones in the sandbox)', async () => {
    const calendar = { timeZone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '09:00', to: '17:00' };
    const { workflowId } = await harness.publish(
      workflow('Office hours', [
        trigger('event.data.amountDue = 9701'),
        // Saturday 2026-01-03 10:00Z is outside office hours: the next opening is Monday 08:00Z, which is past.
        { id: 'wait', type: 'delay', until: "'2026-01-03T10:00:00Z'", calendar: { ...calendar, days: [...calendar.days] } },
        end,
      ], ['start->wait', 'wait->done']),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 9701 });
    await harness.resultOf(workflowId, event.id);
    const step = (await harness.runOf(workflowId, event.id)).steps.find((s) => s.key === 'wait');
    expect(step?.output).toEqual({ until: '2026-01-05T08:00:00.000Z' });
  });

  it('starts no run of a published definition the schema refuses, and notes why on the dispatch', async () => {
    // An event type no other test triggers on, so this workflow is the only one the event concerns.
    const broken = workflow('Broken', [{ id: 'start', type: 'trigger', event: 'billing.subscription.changed' }, end], ['start->done']);
    const { workflowId } = await harness.publish({ ...broken, nodes: [...broken.nodes, { id: 'odd', type: 'delay' } as unknown as WorkflowNode] });
    const { event, routed } = await harness.publishEvent('billing.subscription.changed');
    expect(routed.runsStarted).toBe(0);
    expect(routed.notes).toEqual([expect.stringMatching(/^Workflow "Broken .*" v1 is not a valid definition, so no run started: nodes\.2/)]);
    expect(await harness.db.run.count({ where: { workflowId, eventId: event.id } })).toBe(0);
  });
});
