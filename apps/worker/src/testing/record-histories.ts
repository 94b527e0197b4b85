import { toEnvelope } from '@cascade/db';
import { runWorkflowId, type RunInput } from '@cascade/temporal';
import type { Mapping, NodeOf, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@cascade/workflow';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coverageOf, fetchHistoryFixture, writeHistoryFixture } from './history-fixtures';
import { eventually, startRunHarness, type RunHarness } from './run-harness';

/**
 * The scenarios whose histories the replay test replays. Not a test of its own (no `.test.ts`):
 * only scripts/record-histories.ts runs it, on the real dev server, and each scenario checks that
 * its runs went the way its `covers` says before it overwrites workflows/interpreter/histories/<name>.json.
 */

interface Scenario {
  name: string;
  covers: string[];
  /** Starts the runs, checks their outcome, and returns the handles of the runs to record. */
  record(amountDue: number): Promise<WorkflowHandle[]>;
}

let harness: RunHarness;
beforeAll(async () => {
  harness = await startRunHarness();
});
afterAll(() => harness?.stop());

/** A definition from nodes and `from->to[:port]` edges, started by INVOICE_OVERDUE of one amount. */
function workflow(name: string, amountDue: number, nodes: WorkflowNode[], edges: string[], variables?: Record<string, number>): WorkflowDefinition {
  const trigger: WorkflowNode = { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: `event.data.amountDue = ${amountDue}` };
  return { schemaVersion: 1, name, nodes: [trigger, ...nodes, { id: 'done', type: 'end' }], edges: edges.map(parseEdge), ...(variables ? { variables } : {}) };
}

function parseEdge(text: string, index: number): WorkflowEdge {
  const [route, port] = text.split(':');
  const [from, to] = route!.split('->');
  return { id: `e${index}`, from: from!, to: to!, ...(port ? { port } : {}) };
}

const set = (id: string, assign: Record<string, Mapping>): WorkflowNode => ({ id, type: 'setVariables', assign });
const log = (id: string, message: string): WorkflowNode => ({ id, type: 'action', action: 'core.log', input: { message: { $expr: message } } });
const once = { maxAttempts: 1, initialInterval: 'PT1S', backoff: 1, maxInterval: 'PT1S' };

/** Publishes `definition`, routes its event, and returns the run's handle once it has finished. */
async function runToEnd(definition: WorkflowDefinition, amountDue: number, data: Record<string, unknown> = {}) {
  const { workflowId } = await harness.publish(definition);
  const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue, ...data });
  const handle = harness.handleOf(workflowId, event.id);
  const outcome = await handle.result().catch((error: unknown) => error);
  return { handle, outcome, workflowId, event, run: await harness.runOf(workflowId, event.id) };
}

const approval = (escalation?: NodeOf<'approval'>['escalation']): WorkflowNode => ({
  id: 'ask', type: 'approval', title: 'Write off?', assignees: ['finance'], timeout: escalation ? 'PT2S' : 'PT1M',
  formFields: [{ name: 'reason', label: 'Reason', type: 'text' }],
  ...(escalation ? { escalation } : {}),
});
const approvalEdges = ['start->ask', 'ask->yes:approved', 'ask->no:rejected', 'ask->expired:timeout', 'yes->done', 'no->done', 'expired->done'];
const approvalOutcomes = [set('yes', { reason: { $expr: 'steps.ask.output.data.reason' } }), set('no', { rejected: true }), set('expired', { expired: true })];

async function decideApproval(outcome: 'approved' | 'rejected', amountDue: number) {
  const { workflowId } = await harness.publish(workflow(`Approval ${outcome}`, amountDue, [approval(), ...approvalOutcomes], approvalEdges));
  const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue });
  const task = await eventually(async () => (await harness.db.approvalTask.findFirst({ where: { run: { eventId: event.id, workflowId } } })) ?? undefined);
  const handle = harness.handleOf(workflowId, event.id);
  await handle.signal('decideApproval', { taskId: task.id, outcome, data: { reason: 'client closed' }, decidedBy: 'alice' });
  return { handle, result: await handle.result() };
}

const scenarios: Scenario[] = [
  {
    name: 'trigger-action-condition-emit',
    covers: ['trigger', 'trigger:next', 'trigger.filter', 'setVariables', 'setVariables:next', 'condition', 'condition:true', 'condition:false', 'action', 'action:next', 'emit', 'emit:next', 'end'],
    async record(amountDue) {
      const { handle, outcome } = await runToEnd(
        workflow('Remind and announce', amountDue, [
          set('count', { reminders: { $expr: 'vars.reminders + 1' } }),
          { id: 'big', type: 'condition', expression: 'event.data.amountDue > 100' },
          log('remind', "'Invoice ' & event.data.invoiceId & ' is overdue'"),
          { id: 'announce', type: 'emit', event: 'billing.plan.changed', data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: 'reminded' } },
          { id: 'small', type: 'condition', expression: 'event.data.amountDue < 100' },
          set('tiny', { size: 'small' }),
          set('large', { size: 'large' }),
        ], ['start->count', 'count->big', 'big->remind:true', 'big->done:false', 'remind->announce', 'announce->small', 'small->tiny:true', 'small->large:false', 'tiny->done', 'large->done'], { reminders: 0 }),
        amountDue,
      );
      expect(outcome).toEqual({ vars: { reminders: 1, size: 'large' } });
      return [handle];
    },
  },
  {
    name: 'switch-case-and-default',
    covers: ['switch', 'switch:case', 'switch:default'],
    async record(amountDue) {
      const { handle, outcome } = await runToEnd(
        workflow('Route by tier and currency', amountDue, [
          { id: 'tier', type: 'switch', cases: [{ port: 'low', expression: 'event.data.amountDue < 10' }, { port: 'high', expression: 'event.data.amountDue > 1000' }] },
          set('flagged', { tier: 'high' }),
          { id: 'region', type: 'switch', cases: [{ port: 'euro', expression: "event.data.currency = 'EUR'" }] },
          set('other', { currency: 'other' }),
        ], ['start->tier', 'tier->done:low', 'tier->flagged:high', 'tier->done:default', 'flagged->region', 'region->done:euro', 'region->other:default', 'other->done']),
        amountDue,
      );
      expect(outcome).toEqual({ vars: { tier: 'high', currency: 'other' } });
      return [handle];
    },
  },
  {
    name: 'parallel-join-all',
    covers: ['parallel', 'parallel:next', 'join', 'join.all', 'join:next', 'condition:false'],
    async record(amountDue) {
      const { handle, outcome } = await runToEnd(
        workflow('Fan out and meet', amountDue, [
          { id: 'split', type: 'parallel' },
          set('a', { a: 1 }),
          set('b', { b: 2 }),
          { id: 'gate', type: 'condition', expression: 'false' },
          set('c', { c: 3 }),
          { id: 'meet', type: 'join', mode: 'all' },
          set('total', { sum: { $expr: 'vars.a + vars.b' } }),
        ], ['start->split', 'split->a', 'split->b', 'split->gate', 'gate->c:true', 'gate->meet:false', 'a->meet', 'b->meet', 'c->meet', 'meet->total', 'total->done']),
        amountDue,
      );
      expect(outcome).toEqual({ vars: { a: 1, b: 2, sum: 3 } });
      return [handle];
    },
  },
  {
    name: 'parallel-join-any',
    covers: ['parallel', 'parallel:next', 'join', 'join.any', 'join:next', 'delay', 'delay:next', 'delay.duration'],
    async record(amountDue) {
      const { handle, outcome } = await runToEnd(
        workflow('First one wins', amountDue, [
          { id: 'split', type: 'parallel' },
          set('quick', { quick: true }),
          { id: 'slow', type: 'delay', duration: 'PT1S' },
          set('late', { late: true }),
          { id: 'first', type: 'join', mode: 'any' },
          set('after', { winner: { $expr: "vars.late ? 'slow' : 'quick'" } }),
        ], ['start->split', 'split->quick', 'split->slow', 'slow->late', 'quick->first', 'late->first', 'first->after', 'after->done']),
        amountDue,
      );
      // The join went on with the quick branch; the run still ended only after the slow one.
      expect(outcome).toEqual({ vars: { quick: true, winner: 'quick', late: true } });
      return [handle];
    },
  },
  {
    name: 'for-each-concurrency',
    covers: ['forEach', 'forEach:item', 'forEach:done', 'forEach.concurrency>1'],
    async record(amountDue) {
      const { handle, outcome, run } = await runToEnd(
        workflow('Per line', amountDue, [
          {
            id: 'lines', type: 'forEach', items: '[1, 2, 3, 4]', concurrency: 2,
            body: { nodes: [log('note', "'line ' & steps.lines.item")], edges: [{ id: 'b0', from: 'lines', to: 'note', port: 'item' }] },
          },
          set('total', { count: { $expr: '$count(steps.lines.output)' } }),
        ], ['start->lines', 'lines->total:done', 'total->done']),
        amountDue,
      );
      expect(outcome).toEqual({ vars: { count: 4 } });
      expect(run.steps.filter((step) => step.nodeId === 'note')).toHaveLength(4);
      return [handle];
    },
  },
  {
    name: 'delay-duration-and-until',
    covers: ['delay', 'delay:next', 'delay.duration', 'delay.until'],
    async record(amountDue) {
      const { handle, outcome, run } = await runToEnd(
        workflow('Pause, then wait for the moment', amountDue, [
          { id: 'pause', type: 'delay', duration: 'PT1S' },
          { id: 'moment', type: 'delay', until: 'event.data.overdueAt' },
          set('woke', { woke: true }),
        ], ['start->pause', 'pause->moment', 'moment->woke', 'woke->done']),
        amountDue,
        { overdueAt: new Date(Date.now() + 3_000).toISOString() },
      );
      expect(outcome).toEqual({ vars: { woke: true } });
      const moment = run.steps.find((step) => step.key === 'moment')!;
      expect(moment.finishedAt!.getTime() - moment.startedAt.getTime()).toBeGreaterThan(500);
      return [handle];
    },
  },
  {
    name: 'wait-for-event-received',
    covers: ['waitForEvent', 'waitForEvent:received'],
    async record(amountDue) {
      const { workflowId } = await harness.publish(
        workflow('Await payment', amountDue, [
          {
            id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT1M',
            correlation: { event: 'event.data.clientId', run: 'event.data.clientId' }, filter: 'event.data.amount >= 100',
          },
          set('record', { paid: { $expr: 'steps.paid.output.data.amount' } }),
        ], ['start->paid', 'paid->record:received', 'paid->done:timeout', 'record->done']),
      );
      const clientId = crypto.randomUUID();
      const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue, clientId });
      await eventually(async () => (await harness.db.wait.findFirst({ where: { run: { eventId: event.id, workflowId } } })) ?? undefined);
      // Signalled while waiting: first one the filter refuses, then the one it takes.
      expect((await harness.publishEvent('PAYMENT_RECORDED', { clientId, amount: 5 })).routed.runsSignalled).toBe(1);
      expect((await harness.publishEvent('PAYMENT_RECORDED', { clientId, amount: 700 })).routed.runsSignalled).toBe(1);
      expect(await harness.resultOf(workflowId, event.id)).toEqual({ vars: { paid: 700 } });
      return [harness.handleOf(workflowId, event.id)];
    },
  },
  {
    name: 'wait-for-event-timeout',
    covers: ['waitForEvent', 'waitForEvent:timeout'],
    async record(amountDue) {
      const { handle, outcome } = await runToEnd(
        workflow('Short wait', amountDue, [
          { id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT1S', correlation: { event: 'event.data.clientId', run: 'event.data.clientId' } },
          set('late', { late: true }),
        ], ['start->paid', 'paid->done:received', 'paid->late:timeout', 'late->done']),
        amountDue,
        { clientId: crypto.randomUUID() },
      );
      expect(outcome).toEqual({ vars: { late: true } });
      return [handle];
    },
  },
  {
    name: 'approval-approved',
    covers: ['approval', 'approval:approved'],
    async record(amountDue) {
      const { handle, result } = await decideApproval('approved', amountDue);
      expect(result).toEqual({ vars: { reason: 'client closed' } });
      return [handle];
    },
  },
  {
    name: 'approval-rejected',
    covers: ['approval', 'approval:rejected'],
    async record(amountDue) {
      const { handle, result } = await decideApproval('rejected', amountDue);
      expect(result).toEqual({ vars: { rejected: true } });
      return [handle];
    },
  },
  {
    name: 'approval-escalated-timeout',
    covers: ['approval', 'approval.escalation', 'approval:timeout'],
    async record(amountDue) {
      const { handle, outcome, run } = await runToEnd(
        workflow('Escalate, then give up', amountDue, [approval({ after: 'PT1S', assignees: ['cfo'] }), ...approvalOutcomes], approvalEdges),
        amountDue,
      );
      expect(outcome).toEqual({ vars: { expired: true } });
      const task = await harness.db.approvalTask.findFirstOrThrow({ where: { runId: run.id } });
      expect(task).toMatchObject({ status: 'TIMED_OUT', assignees: ['cfo'], escalatedAt: expect.any(Date) });
      return [handle];
    },
  },
  {
    name: 'sub-workflow',
    covers: ['subWorkflow', 'subWorkflow:next'],
    async record(amountDue) {
      const child = await harness.publish({
        schemaVersion: 1,
        name: 'Child',
        nodes: [{ id: 'start', type: 'trigger', event: 'module.registry.activated' }, set('double', { doubled: { $expr: 'vars.amount * 2' } }), { id: 'done', type: 'end' }],
        edges: [parseEdge('start->double', 0), parseEdge('double->done', 1)],
      });
      const { handle, outcome } = await runToEnd(
        workflow('Parent', amountDue, [
          { id: 'sub', type: 'subWorkflow', workflow: child.workflowId, version: 1, input: { amount: { $expr: 'event.data.amountDue' } } },
          set('keep', { fromChild: { $expr: 'steps.sub.output.doubled' } }),
        ], ['start->sub', 'sub->keep', 'keep->done']),
        amountDue,
      );
      expect(outcome).toEqual({ vars: { fromChild: amountDue * 2 } });
      return [handle, harness.client.workflow.getHandle(`${handle.workflowId}/sub`)];
    },
  },
  {
    name: 'fail-node',
    covers: ['fail', 'condition:true'],
    async record(amountDue) {
      const { handle, outcome, run } = await runToEnd(
        workflow('Refuse', amountDue, [
          { id: 'check', type: 'condition', expression: 'event.data.amountDue > 0' },
          { id: 'stop', type: 'fail', message: "'refusing invoice ' & event.data.invoiceId" },
        ], ['start->check', 'check->stop:true', 'check->done:false']),
        amountDue,
      );
      expect(outcome).toBeInstanceOf(WorkflowFailedError);
      expect(run).toMatchObject({ status: 'FAILED', error: { node: 'stop' } });
      return [handle];
    },
  },
  {
    name: 'action-error-caught',
    covers: ['action', 'action:error', 'action:next'],
    async record(amountDue) {
      const { handle, outcome, run } = await runToEnd(
        workflow('Caught', amountDue, [
          { id: 'bad', type: 'action', action: 'core.log', input: { message: '' }, retry: once },
          log('recover', "'recovered: ' & steps.bad.error.message"),
        ], ['start->bad', 'bad->done', 'bad->recover:error', 'recover->done']),
        amountDue,
      );
      expect(outcome).toEqual({ vars: {} });
      expect(run.steps.map((step) => [step.key, step.status])).toEqual(expect.arrayContaining([['bad', 'FAILED'], ['recover', 'COMPLETED']]));
      return [handle];
    },
  },
  {
    name: 'action-error-uncaught',
    covers: ['action'],
    async record(amountDue) {
      const { handle, outcome, run } = await runToEnd(
        workflow('Uncaught', amountDue, [{ id: 'bad', type: 'action', action: 'core.log', input: { message: '' }, retry: once }], ['start->bad', 'bad->done']),
        amountDue,
      );
      expect(outcome).toBeInstanceOf(WorkflowFailedError);
      expect(run).toMatchObject({ status: 'FAILED', error: { node: 'bad' } });
      return [handle];
    },
  },
  {
    name: 'continue-as-new',
    covers: ['continueAsNew', 'delay', 'delay:next'],
    async record(amountDue) {
      // Timers add history (local activities do not), so a chain of short delays outgrows the limit.
      const pauses = Array.from({ length: 5 }, (_, i): WorkflowNode => ({ id: `p${i}`, type: 'delay', duration: 'PT0.1S' }));
      const definition = workflow('Long', amountDue, [set('count', { seen: 1 }), ...pauses, set('more', { seen: { $expr: 'vars.seen + 1' } })], [
        'start->count', 'count->p0', ...pauses.slice(1).map((_, i) => `p${i}->p${i + 1}`), 'p4->more', 'more->done',
      ]);
      const { workflowId, versionId, version } = await harness.publish(definition);
      const event = await harness.ingest('INVOICE_OVERDUE', { amountDue });
      const input: RunInput = { run: { id: crypto.randomUUID(), tenantId: harness.tenant.id, workflowId, versionId, version }, definition, event: toEnvelope(event), historyLimit: 12 };
      const handle = await harness.client.workflow.start('runWorkflow', { taskQueue: harness.taskQueue, workflowId: runWorkflowId(workflowId, event.id), args: [input] });
      expect(await handle.result()).toEqual({ vars: { seen: 2 } });
      const first = harness.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      const last = harness.client.workflow.getHandle(handle.workflowId);
      expect((await last.describe()).runId).not.toBe(handle.firstExecutionRunId);
      return [first, last];
    },
  },
  {
    name: 'last-step-closes-run',
    covers: ['action:next', 'emit:next', 'end'],
    async record(amountDue) {
      // The emit leads only to the end, so its activity closes the run (patch finish-with-last-step).
      const { handle, outcome, run } = await runToEnd(
        workflow('Log and announce', amountDue, [
          log('remind', "'Invoice ' & event.data.invoiceId & ' is overdue'"),
          { id: 'announce', type: 'emit', event: 'billing.plan.changed', data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: 'reminded' } },
        ], ['start->remind', 'remind->announce', 'announce->done']),
        amountDue,
      );
      expect(outcome).toEqual({ vars: {} });
      expect(run.status).toBe('COMPLETED');
      expect(run.steps.map((step) => [step.key, step.status])).toEqual([['start', 'COMPLETED'], ['remind', 'COMPLETED'], ['announce', 'COMPLETED'], ['done', 'COMPLETED']]);
      const { events } = await handle.fetchHistory();
      const activities = events!.filter((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity');
      expect(activities, 'no local activity of its own to finish the run').toHaveLength(2);
      return [handle];
    },
  },
];

it.each(scenarios.map((scenario, index) => ({ ...scenario, amountDue: 70_000 + index })))('records $name', async ({ name, covers, record, amountDue }) => {
  const fixture = await fetchHistoryFixture(name, covers, await record(amountDue));
  // The replay test refuses a claim the recorded definitions cannot back; better to learn it now.
  expect([...coverageOf(fixture)]).toEqual(expect.arrayContaining(covers));
  writeHistoryFixture(fixture);
});

