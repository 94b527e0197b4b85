import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../testing/run-harness';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../../testing/time-skipping-harness';

// Timers of days, run at their full length on Temporal's time-skipping test server: the workflow
// clock jumps to the next timer whenever nothing else is pending, so none of this waits for real.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let harness: TimeSkippingHarness;
beforeAll(async () => {
  harness = await startTimeSkippingHarness();
  // A fresh worker's first workflow task loads the bundle; pay for it here, not in a test's time.
  await (await harness.start(around('Warm-up', { id: 'noop', type: 'setVariables', assign: {} }, [['next', 'warm']]), 'INVOICE_OVERDUE')).result();
});
afterAll(() => harness?.stop());

/** trigger → `node`, and from each of its `ports` a setVariables that sets `variable`, then end. */
function around(name: string, node: WorkflowNode, branches: Array<[port: string, variable: string]>): WorkflowDefinition {
  const setters = branches.map(([port, variable]): WorkflowNode => ({ id: `by_${port}`, type: 'setVariables', assign: { [variable]: true } }));
  return {
    schemaVersion: 1,
    name,
    nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' }, node, ...setters, { id: 'done', type: 'end' }],
    edges: [
      { id: 'e0', from: 'start', to: node.id },
      ...branches.flatMap(([port]) => [
        { id: `e_${port}`, from: node.id, to: `by_${port}`, port },
        { id: `e_${port}_done`, from: `by_${port}`, to: 'done' },
      ]),
    ],
  };
}

/** How long a step took on the workflow clock, which is the clock its times are taken from. */
const lasted = (step: { startedAt: Date; finishedAt: Date | null }) => step.finishedAt!.getTime() - step.startedAt.getTime();

async function finishedRun(runId: string) {
  const run = await harness.runOf(runId);
  return { run, step: (key: string) => run.steps.find((step) => step.key === key) };
}

describe('long timers on the time-skipping test server', () => {
  it('sleeps a 30-day delay to its end', async () => {
    const started = Date.now();
    const { runId, result } = await harness.start(around('Thirty days', { id: 'wait', type: 'delay', duration: 'P30D' }, [['next', 'woke']]), 'INVOICE_OVERDUE');
    expect(await result()).toEqual({ vars: { woke: true } });

    const { run, step } = await finishedRun(runId);
    expect(run.status).toBe('COMPLETED');
    expect(run.steps.map((s) => [s.key, s.status])).toEqual([['start', 'COMPLETED'], ['wait', 'COMPLETED'], ['by_next', 'COMPLETED'], ['done', 'COMPLETED']]);
    expect(lasted(step('wait')!)).toBeGreaterThanOrEqual(30 * DAY);
    expect(lasted(step('wait')!)).toBeLessThan(30 * DAY + HOUR);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('sleeps until an instant two days ahead that the event names', async () => {
    const started = Date.now();
    const remindAt = new Date((await harness.now()) + 2 * DAY).toISOString();
    const { runId, result } = await harness.start(
      around('Until the reminder', { id: 'wait', type: 'delay', until: 'event.data.overdueAt' }, [['next', 'reminded']]),
      'INVOICE_OVERDUE',
      { overdueAt: remindAt },
    );
    expect(await result()).toEqual({ vars: { reminded: true } });

    const { run, step } = await finishedRun(runId);
    expect(run.status).toBe('COMPLETED');
    expect(step('wait')).toMatchObject({ status: 'COMPLETED', output: { until: remindAt } });
    expect(step('wait')!.finishedAt!.getTime()).toBeGreaterThanOrEqual(Date.parse(remindAt));
    expect(lasted(step('wait')!)).toBeGreaterThan(2 * DAY - HOUR);
    expect(step('by_next')?.status).toBe('COMPLETED');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('counts a delay in business hours: 90 seconds of a one-minute daily window span a day', async () => {
    const started = Date.now();
    const calendar = { timeZone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Array<'mon'>, from: '09:00', to: '09:01' };
    const { runId, result } = await harness.start(
      around('Ninety office seconds', { id: 'wait', type: 'delay', duration: 'PT90S', calendar }, [['next', 'woke']]),
      'INVOICE_OVERDUE',
    );
    expect(await result()).toEqual({ vars: { woke: true } });

    const { run, step } = await finishedRun(runId);
    expect(run.status).toBe('COMPLETED');
    const until = new Date((step('wait')!.output as { until: string }).until);
    // Whenever it starts, its last second falls inside a later day's window.
    expect([until.getUTCHours(), until.getUTCMinutes()]).toEqual([9, 0]);
    expect(lasted(step('wait')!)).toBeGreaterThan(DAY - HOUR);
    expect(step('wait')!.finishedAt!.getTime()).toBeGreaterThanOrEqual(until.getTime());
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('takes the timeout port when no event comes within seven days', async () => {
    const started = Date.now();
    const wait: WorkflowNode = {
      id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'P7D',
      correlation: { event: 'event.data.clientId', run: 'event.data.clientId' },
    };
    const { runId, result } = await harness.start(around('Seven days for payment', wait, [['received', 'paid'], ['timeout', 'unpaid']]), 'INVOICE_OVERDUE', {
      clientId: crypto.randomUUID(),
    });
    expect(await result()).toEqual({ vars: { unpaid: true } });

    const { run, step } = await finishedRun(runId);
    expect(run.status).toBe('COMPLETED');
    expect(step('paid')).toMatchObject({ status: 'COMPLETED', output: null });
    expect(lasted(step('paid')!)).toBeGreaterThanOrEqual(7 * DAY);
    expect(step('by_timeout')?.status).toBe('COMPLETED');
    expect(step('by_received')).toBeUndefined();
    const closed = await harness.db.wait.findFirstOrThrow({ where: { runId } });
    expect(closed).toMatchObject({ nodeKey: 'paid', deliveredEventId: null, closedAt: expect.any(Date) });
    expect(closed.expiresAt.getTime() - step('paid')!.startedAt.getTime()).toBeGreaterThanOrEqual(7 * DAY - 1_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('escalates an undecided approval after a day, then times it out after three', async () => {
    const started = Date.now();
    const ask: WorkflowNode = {
      id: 'ask', type: 'approval', title: 'Write off?', assignees: ['finance'], timeout: 'P3D',
      escalation: { after: 'P1D', assignees: ['cfo', { $expr: "'owner:' & event.data.clientId" }] },
    };
    const clientId = crypto.randomUUID();
    const { runId, result } = await harness.start(
      around('Escalated write-off', ask, [['approved', 'approved'], ['rejected', 'rejected'], ['timeout', 'expired']]),
      'INVOICE_OVERDUE',
      { clientId },
    );
    const opened = await eventually(async () => (await harness.db.approvalTask.findFirst({ where: { runId } })) ?? undefined);
    expect(opened).toMatchObject({ status: 'PENDING', assignees: ['finance'], escalatedAt: null });

    // A day and an hour later: escalated to the escalation's assignees, still waiting for them.
    await harness.env.sleep(DAY + HOUR);
    const escalated = await eventually(async () => {
      const task = await harness.db.approvalTask.findUniqueOrThrow({ where: { id: opened.id } });
      return task.escalatedAt ? task : undefined;
    });
    expect(escalated).toMatchObject({ status: 'PENDING', assignees: ['cfo', `owner:${clientId}`] });

    expect(await result()).toEqual({ vars: { expired: true } });
    const expired = await harness.db.approvalTask.findUniqueOrThrow({ where: { id: opened.id } });
    expect(expired).toMatchObject({ status: 'TIMED_OUT', assignees: ['cfo', `owner:${clientId}`], decidedAt: expect.any(Date) });
    
    const { run, step } = await finishedRun(runId);
    expect(run.status).toBe('COMPLETED');
    expect(step('ask')).toMatchObject({ status: 'COMPLETED', output: { outcome: 'timeout' } });
    expect(lasted(step('ask')!)).toBeGreaterThanOrEqual(3 * DAY);
    expect(expired.dueAt.getTime() - step('ask')!.startedAt.getTime()).toBeGreaterThanOrEqual(3 * DAY - 1_000);
    expect(step('by_timeout')?.status).toBe('COMPLETED');
    expect(step('by_approved')).toBeUndefined();
    expect(step('by_rejected')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
