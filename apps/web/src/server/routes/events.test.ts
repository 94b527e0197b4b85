import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { MAX_EVENT_BYTES } from '@cascade/ingestion';
import { db } from '@/server/services';
import { getEvent, listEvents, publishEvents, replayDeadLettersRoute, replayEvent } from './events';

const overdue = (invoiceId: string) => ({
  type: 'INVOICE_OVERDUE',
  source: 'billing',
  correlationId: `invoice-${invoiceId}`,
  data: {
    tenantId: 'psa-1',
    invoiceId,
    clientId: 'c-1',
    overdueAt: '2026-03-04T00:00:00Z',
    dueDate: '2026-03-01',
    amountDue: 12050,
    currency: 'USD',
    daysOverdue: 3,
  },
});

async function publishable() {
  return createTenantWithKey(['events:publish', 'workflows:read', 'workflows:write']);
}

describe('POST /api/v1/events', () => {
  it('accepts one envelope with 202 and answers a redelivery as a duplicate', async () => {
    const { apiKey } = await publishable();
    const id = randomUUID();
    const first = await callRoute(publishEvents, { apiKey, body: { ...overdue('i-1'), id } });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: [{ index: 0, id, duplicate: false }], rejected: [] });
    const again = await callRoute(publishEvents, { apiKey, body: { ...overdue('i-1'), id } });
    expect((await again.json()).accepted[0].duplicate).toBe(true);
  });

  it('answers a single invalid payload 422 with each JSON path and what was expected', async () => {
    const { apiKey } = await publishable();
    const body = overdue('i-2');
    const response = await callRoute(publishEvents, { apiKey, body: { ...body, data: { ...body.data, amountDue: 'lots' } } });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toEqual([expect.objectContaining({ path: '/data/amountDue', expected: expect.any(String) })]);
  });

  it('takes a batch, rejecting bad items by index; atomic batches store nothing', async () => {
    const { apiKey } = await publishable();
    const batch = [overdue('i-3'), { type: 'INVOICE_OVERDUE' }, overdue('i-4')];
    const response = await callRoute(publishEvents, { apiKey, body: batch });
    expect(response.status).toBe(202);
    const result = await response.json();
    expect(result.accepted.map((a: { index: number }) => a.index)).toEqual([0, 2]);
    expect(result.rejected.map((r: { index: number; status: number }) => [r.index, r.status])).toEqual([[1, 400]]);

    const atomic = await callRoute(publishEvents, { apiKey, body: [overdue('i-5'), { type: 'INVOICE_OVERDUE' }], query: 'atomic=true' });
    expect(atomic.status).toBe(400);
    expect((await atomic.json()).detail).toMatch(/^Nothing was stored: item 1/);
  });

  it('answers 413 past 1,000 events and 403 without the publish scope', async () => {
    const { apiKey } = await publishable();
    const tooMany = await callRoute(publishEvents, { apiKey, body: Array.from({ length: 1001 }, () => ({})) });
    expect(tooMany.status).toBe(413);
    const reader = await createTenantWithKey(['workflows:read']);
    expect((await callRoute(publishEvents, { apiKey: reader.apiKey, body: overdue('i-6') })).status).toBe(403);
  });

  it('answers 413 naming the limit to an event too large to run, and stores nothing', async () => {
    const { apiKey } = await publishable();
    const id = randomUUID();
    const body = overdue('i-7');
    const response = await callRoute(publishEvents, { apiKey, body: { ...body, id, data: { ...body.data, note: 'x'.repeat(MAX_EVENT_BYTES) } } });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem).toMatchObject({ title: 'Content Too Large', detail: expect.stringContaining(`beyond the limit of ${MAX_EVENT_BYTES} bytes (512 KiB)`) });
    expect(problem.errors).toEqual([expect.objectContaining({ path: '/data', expected: `an event of at most ${MAX_EVENT_BYTES} bytes as JSON` })]);
    expect(await db().event.count({ where: { id } })).toBe(0);
  });
});

describe('the event log', () => {
  it('lists and reads a tenant’s own events only, filtered by type and correlation id', async () => {
    const a = await publishable();
    const b = await publishable();
    const published = await (await callRoute(publishEvents, { apiKey: a.apiKey, body: overdue('i-7') })).json();
    const id = published.accepted[0].id as string;

    const listed = await (await callRoute(listEvents, { apiKey: a.apiKey, query: 'type=INVOICE_OVERDUE&correlationId=invoice-i-7' })).json();
    expect(listed.items).toEqual([expect.objectContaining({ id, type: 'INVOICE_OVERDUE', dispatch: expect.objectContaining({ status: 'PENDING' }) })]);
    const detail = await (await callRoute(getEvent, { apiKey: a.apiKey, params: { id } })).json();
    expect(detail.data).toMatchObject({ invoiceId: 'i-7' });
    // No dispatcher runs here: the event says it is not dispatched yet, and no run emitted it.
    expect(detail.notStarted).toEqual({ basis: 'not-dispatched', reasons: [{ outcome: 'pending', lastError: null }] });
    expect(detail.emittedBy).toBeNull();

    expect((await (await callRoute(listEvents, { apiKey: b.apiKey })).json()).items).toEqual([]);
    expect((await callRoute(getEvent, { apiKey: b.apiKey, params: { id } })).status).toBe(404);
  });

  it('answers 410 naming the archive folder for an event retention archived, and 404 to another tenant', async () => {
    const a = await publishable();
    const b = await publishable();
    const id = randomUUID();
    await db().retiredEventId.create({ data: { tenantId: a.tenantId, id, receivedOn: new Date('2026-11-02T00:00:00Z') } });

    const gone = await callRoute(getEvent, { apiKey: a.apiKey, params: { id } });
    expect(gone.status).toBe(410);
    expect((await gone.json()).detail).toBe(
      `Event ${id} was received on 2026-11-02, before the retention window, and has been archived and deleted; its record is in the archive under ${a.tenantId}/2026-11-02/events-*.ndjson.gz`,
    );
    expect((await callRoute(getEvent, { apiKey: b.apiKey, params: { id } })).status).toBe(404);
  });

  it('says why a dispatched event started no run, from what the dispatcher recorded', async () => {
    const { tenantId, apiKey } = await publishable();
    const published = await (await callRoute(publishEvents, { apiKey, body: overdue('i-8') })).json();
    const id = published.accepted[0].id as string;
    const decisions = [{ outcome: 'filtered-out', workflowId: randomUUID(), workflowName: 'Only huge', version: 2, filter: 'event.data.amountDue > 99999' }];
    await db().dispatch.update({ where: { tenantId_eventId: { tenantId, eventId: id } }, data: { status: 'DISPATCHED', decisions } });
    const detail = await (await callRoute(getEvent, { apiKey, params: { id } })).json();
    expect(detail.notStarted).toEqual({ basis: 'recorded', reasons: decisions });
  });
});

describe('dead letters', () => {
  it('replays a dead-lettered event with fresh attempts, and refuses events that are not dead', async () => {
    const { apiKey, tenantId } = await publishable();
    const { accepted } = await (await callRoute(publishEvents, { apiKey, body: overdue('i-8') })).json();
    const id = accepted[0].id as string;
    expect((await callRoute(replayEvent, { apiKey, params: { id } })).status).toBe(409);

    await db().dispatch.update({ where: { tenantId_eventId: { tenantId, eventId: id } }, data: { status: 'DEAD', attempts: 5, lastError: 'boom' } });
    const dead = await (await callRoute(listEvents, { apiKey, query: 'status=DEAD' })).json();
    expect(dead.items.map((e: { id: string }) => e.id)).toEqual([id]);

    const replayed = await callRoute(replayEvent, { apiKey, params: { id } });
    expect(replayed.status).toBe(202);
    expect((await replayed.json()).dispatch).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
  });

  it('replays dead letters in bulk by filter, only the caller’s, and refuses a bad filter', async () => {
    const a = await publishable();
    const b = await publishable();
    const publishOverdue = async (key: string, invoiceIds: string[]) =>
      (await (await callRoute(publishEvents, { apiKey: key, body: invoiceIds.map((invoice) => overdue(invoice)) })).json()).accepted.map((e: { id: string }) => e.id) as string[];
    const ids = await publishOverdue(a.apiKey, ['i-20', 'i-21', 'i-22']);
    const theirs = await publishOverdue(b.apiKey, ['i-30']);
    await db().dispatch.updateMany({ where: { eventId: { in: [...ids, ...theirs] } }, data: { status: 'DEAD', attempts: 5, lastError: 'Temporal refused the start' } });
    await db().dispatch.updateMany({ where: { eventId: ids[0] }, data: { lastError: 'definition invalid' } });

    const first = await callRoute(replayDeadLettersRoute, { apiKey: a.apiKey, body: { type: 'INVOICE_OVERDUE', errorContains: 'temporal', limit: 1 } });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ replayed: 1, more: true });
    expect(await (await callRoute(replayDeadLettersRoute, { apiKey: a.apiKey, body: { errorContains: 'temporal' } })).json()).toEqual({ replayed: 1, more: false });
    const statuses = await db().dispatch.findMany({ where: { eventId: { in: [...ids, ...theirs] } }, select: { eventId: true, status: true } });
    const statusOf = (id: string) => statuses.find((row) => row.eventId === id)?.status;
    expect([...ids, ...theirs].map(statusOf)).toEqual(['DEAD', 'PENDING', 'PENDING', 'DEAD']);

    const bad = await callRoute(replayDeadLettersRoute, { apiKey: a.apiKey, body: { limit: 1_000_000, status: 'DEAD' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(['/body', '/body/limit']);
  });
});

describe('publisher policy over HTTP', () => {
  it('answers 403 when a key that is not the money service publishes money.*', async () => {
    const { apiKey } = await publishable();
    const response = await callRoute(publishEvents, {
      apiKey,
      body: { type: 'money.wallet.debited', source: 'shop', data: { tenantId: 't', txId: 'x', userId: 'u', amountCents: 1, currency: 'USD' } },
    });
    expect(response.status).toBe(403);
    expect((await response.json()).detail).toContain('only the money service may publish');
  });
});
