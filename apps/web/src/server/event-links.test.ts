import { randomUUID } from 'node:crypto';
import type { DispatchDecision } from '@cascade/ingestion';
import { describe, expect, it } from 'vitest';
import { createTenantWithKey } from '@/test/api';
import { emitterOfEvent, eventsOfRun, explainDispatch } from './event-links';
import { findEvent } from './event-log';
import { findRun } from './run-store';
import { db } from './services';

const definition = (event: string) => ({ schemaVersion: 1, name: 'w', nodes: [{ id: 'start', type: 'trigger', event }, { id: 'done', type: 'end' }], edges: [{ id: 'e', from: 'start', to: 'done' }] });

async function workflow(tenantId: string, name: string, eventType: string, options: { enabled?: boolean; filter?: string } = {}) {
  const row = await db().workflow.create({ data: { tenantId, name, draft: definition(eventType), enabled: options.enabled ?? true } });
  const version = await db().workflowVersion.create({ data: { tenantId, workflowId: row.id, version: 1, definition: definition(eventType) } });
  await db().trigger.create({ data: { tenantId, workflowId: row.id, versionId: version.id, eventType, filter: options.filter ?? null, enabled: options.enabled ?? true } });
  return { ...row, versionId: version.id };
}

/** An event with its dispatch row in the given state, as ingestion and the dispatcher leave them. */
async function event(tenantId: string, type: string, dispatch: { status: 'PENDING' | 'DISPATCHED' | 'DEAD'; decisions?: DispatchDecision[]; lastError?: string }, publishedBy?: string) {
  const id = randomUUID();
  await db().event.create({ data: { tenantId, id, type, version: 1, source: 'test', occurredAt: new Date(), data: {}, publishedBy: publishedBy ?? 'test' } });
  await db().dispatch.create({
    data: { tenantId, eventId: id, status: dispatch.status, lastError: dispatch.lastError ?? null, ...(dispatch.decisions ? { decisions: dispatch.decisions } : {}) },
  });
  return (await findEvent(tenantId, id))!;
}

async function run(tenantId: string, wf: { id: string; versionId: string }, eventId: string | null) {
  const id = randomUUID();
  return db().run.create({ data: { id, tenantId, workflowId: wf.id, versionId: wf.versionId, temporalWorkflowId: `test-${id}`, eventId } });
}

describe('why an event started no run', () => {
  it('names the filter that was false and the disabled workflow, from what the dispatcher recorded', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const huge = await workflow(tenantId, 'Only huge', 'INVOICE_OVERDUE', { filter: 'event.data.amountDue > 1000' });
    const off = await workflow(tenantId, 'Switched off', 'INVOICE_OVERDUE', { enabled: false });
    // Recorded at dispatch: re-enabling the workflow later does not rewrite why this event started nothing.
    await db().workflow.update({ where: { id: off.id }, data: { enabled: true } });
    const overdue = await event(tenantId, 'INVOICE_OVERDUE', {
      status: 'DISPATCHED',
      decisions: [
        { outcome: 'filtered-out', workflowId: huge.id, workflowName: huge.name, version: 1, filter: 'event.data.amountDue > 1000' },
        { outcome: 'disabled', workflowId: off.id, workflowName: off.name, version: 1 },
      ],
    });
    expect(await explainDispatch(tenantId, overdue)).toEqual({
      basis: 'recorded',
      reasons: [
        expect.objectContaining({ outcome: 'filtered-out', workflowName: 'Only huge', filter: 'event.data.amountDue > 1000' }),
        expect.objectContaining({ outcome: 'disabled', workflowName: 'Switched off' }),
      ],
    });
  });

  it('says no published workflow is triggered by the type when the dispatcher found none', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const lonely = await event(tenantId, 'PAYMENT_APPLIED', { status: 'DISPATCHED', decisions: [] });
    expect(await explainDispatch(tenantId, lonely)).toEqual({ basis: 'recorded', reasons: [{ outcome: 'no-workflow', eventType: 'PAYMENT_APPLIED' }] });
  });

  it('lists only the workflows that did not start a run when others did', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const started = await workflow(tenantId, 'Every ticket', 'TICKET_CREATED');
    const off = await workflow(tenantId, 'Off', 'TICKET_CREATED', { enabled: false });
    const ticket = await event(tenantId, 'TICKET_CREATED', {
      status: 'DISPATCHED',
      decisions: [
        { outcome: 'started', workflowId: started.id, workflowName: started.name, version: 1, runId: randomUUID() },
        { outcome: 'disabled', workflowId: off.id, workflowName: off.name, version: 1 },
      ],
    });
    expect((await explainDispatch(tenantId, ticket)).reasons).toEqual([expect.objectContaining({ outcome: 'disabled', workflowId: off.id })]);
  });

  it('says an event is not dispatched yet, or that its dispatch gave up, with the error', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const pending = await event(tenantId, 'TICKET_CREATED', { status: 'PENDING', lastError: 'Temporal unavailable' });
    const dead = await event(tenantId, 'TICKET_CREATED', { status: 'DEAD', lastError: 'Temporal unavailable' });
    expect(await explainDispatch(tenantId, pending)).toEqual({ basis: 'not-dispatched', reasons: [{ outcome: 'pending', lastError: 'Temporal unavailable' }] });
    expect(await explainDispatch(tenantId, dead)).toEqual({ basis: 'not-dispatched', reasons: [{ outcome: 'dead', error: 'Temporal unavailable' }] });
  });

  it('falls back to the workflows as they are now for events dispatched before decisions were recorded, and says so', async () => {
    const { tenantId } = await createTenantWithKey([]);
    expect(await explainDispatch(tenantId, await event(tenantId, 'PAYMENT_APPLIED', { status: 'DISPATCHED' }))).toEqual({
      basis: 'current-workflows', reasons: [{ outcome: 'no-workflow', eventType: 'PAYMENT_APPLIED' }],
    });
    const ran = await workflow(tenantId, 'Ran', 'INVOICE_OVERDUE');
    const off = await workflow(tenantId, 'Off', 'INVOICE_OVERDUE', { enabled: false });
    const silent = await workflow(tenantId, 'Silent', 'INVOICE_OVERDUE', { filter: 'false' });
    const old = await event(tenantId, 'INVOICE_OVERDUE', { status: 'DISPATCHED' });
    await run(tenantId, ran, old.id);
    expect(await explainDispatch(tenantId, old)).toEqual({
      basis: 'current-workflows',
      reasons: [
        { outcome: 'disabled', workflowId: off.id, workflowName: 'Off', version: 1 },
        { outcome: 'unknown', workflowId: silent.id, workflowName: 'Silent' },
      ],
    });
  });

  it('treats stored decisions that do not parse as unrecorded rather than showing a wrong reason', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const garbled = await event(tenantId, 'PAYMENT_APPLIED', { status: 'DISPATCHED' });
    await db().dispatch.update({ where: { tenantId_eventId: { tenantId, eventId: garbled.id } }, data: { decisions: [{ outcome: 'filtered-out' }] } });
    expect((await explainDispatch(tenantId, (await findEvent(tenantId, garbled.id))!)).basis).toBe('current-workflows');
  });
});

describe('links between runs and the events they emitted and received', () => {
  it('finds the run and step that emitted an event, and the run every event it emitted and received', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const wf = await workflow(tenantId, 'Reminders', 'INVOICE_OVERDUE');
    const trigger = await event(tenantId, 'INVOICE_OVERDUE', { status: 'DISPATCHED', decisions: [] });
    const emitting = await run(tenantId, wf, trigger.id);
    const emitted = await event(tenantId, 'NOTIFICATION_SENT', { status: 'DISPATCHED', decisions: [] }, `run:${emitting.id}`);
    // An action whose output happens to carry an eventId it did not publish is not an emit.
    const foreign = await event(tenantId, 'TICKET_CREATED', { status: 'DISPATCHED', decisions: [] }, 'someone-else');
    const received = await event(tenantId, 'PAYMENT_APPLIED', { status: 'DISPATCHED', decisions: [] });
    const started = new Date();
    await db().runStep.createMany({
      data: [
        { runId: emitting.id, nodeId: 'notify', key: 'notify', status: 'COMPLETED', output: { eventId: emitted.id, duplicate: false }, startedAt: started },
        { runId: emitting.id, nodeId: 'lookup', key: 'lookup', status: 'COMPLETED', output: { eventId: foreign.id }, startedAt: started },
      ],
    });
    await db().wait.create({
      data: {
        id: randomUUID(), tenantId, runId: emitting.id, temporalWorkflowId: emitting.temporalWorkflowId, nodeKey: 'payment', eventType: 'PAYMENT_APPLIED',
        correlationKey: '"x"', correlationExpr: 'event.data.x', expiresAt: new Date(Date.now() + 60_000), closedAt: new Date(), deliveredEventId: received.id,
      },
    });

    expect(await emitterOfEvent(tenantId, emitted)).toEqual({ runId: emitting.id, workflowId: wf.id, workflowName: 'Reminders', stepKey: 'notify' });
    expect(await emitterOfEvent(tenantId, trigger)).toBeNull();

    const links = await eventsOfRun(tenantId, await findRun(tenantId, emitting.id));
    expect(links.trigger).toMatchObject({ id: trigger.id, type: 'INVOICE_OVERDUE' });
    expect(links.emitted).toEqual([{ stepKey: 'notify', event: expect.objectContaining({ id: emitted.id, type: 'NOTIFICATION_SENT' }) }]);
    expect(links.received).toEqual([{ nodeKey: 'payment', event: expect.objectContaining({ id: received.id, type: 'PAYMENT_APPLIED' }) }]);
  });

  it('never links to another tenant\'s run, whatever an event claims as its publisher', async () => {
    const mine = await createTenantWithKey([]);
    const theirs = await createTenantWithKey([]);
    const wf = await workflow(theirs.tenantId, 'Theirs', 'INVOICE_OVERDUE');
    const theirRun = await run(theirs.tenantId, wf, null);
    const claiming = await event(mine.tenantId, 'NOTIFICATION_SENT', { status: 'DISPATCHED', decisions: [] }, `run:${theirRun.id}`);
    expect(await emitterOfEvent(mine.tenantId, claiming)).toBeNull();
    const garbled = await event(mine.tenantId, 'NOTIFICATION_SENT', { status: 'DISPATCHED', decisions: [] }, `run:'; DROP TABLE runs; --`);
    expect(await emitterOfEvent(mine.tenantId, garbled)).toBeNull();
  });
});
