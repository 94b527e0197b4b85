import { randomUUID } from 'node:crypto';
import { createDatabase, type Database } from '@cascade/db';
import { createIsolatedDatabase } from '@cascade/devstack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paceRunsByProgress } from './run-pacing';

let db: Database;
let workflow: { tenantId: string; workflowId: string; versionId: string };

beforeAll(async () => {
  db = createDatabase(await createIsolatedDatabase());
  const tenantId = (await db.tenant.create({ data: { slug: `pacing-${randomUUID()}`, name: 'Pacing' } })).id;
  const definition = { schemaVersion: 1, name: 'pacing', nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' }], edges: [] };
  const { id: workflowId } = await db.workflow.create({ data: { tenantId, name: 'pacing', draft: definition } });
  const { id: versionId } = await db.workflowVersion.create({ data: { tenantId, workflowId, version: 1, definition } });
  workflow = { tenantId, workflowId, versionId };
});
afterAll(() => db?.$disconnect());

/** The run's row, as the interpreter's first activity (or its flush before a wait) writes it. */
const recordRun = (id: string) => db.run.create({ data: { id, ...workflow, temporalWorkflowId: `run:${workflow.workflowId}:${id}` } });

describe('run pacing', () => {
  it('leaves room for the runs still missing from its limit, and gives it back as workers take runs up', async () => {
    const pacing = paceRunsByProgress({ db, maxStartingRuns: 5 });
    expect(await pacing.room()).toBe(5);
    const runs = Array.from({ length: 4 }, () => randomUUID());
    pacing.started(runs);
    expect(await pacing.room()).toBe(1);
    pacing.started([randomUUID(), randomUUID()]);
    expect(await pacing.room()).toBe(0);

    await recordRun(runs[0]!);
    await recordRun(runs[1]!);
    expect(await pacing.room()).toBe(1);
    // A redelivered event names a run that started long ago: its row is there, so it takes no room.
    const old = randomUUID();
    await recordRun(old);
    pacing.started([old]);
    expect(await pacing.room()).toBe(1);
  });

  it('stops counting a run whose row never appears, so a lost start cannot hold dispatch back for ever', async () => {
    const pacing = paceRunsByProgress({ db, maxStartingRuns: 3, forgetAfterMs: 2_000 });
    pacing.started([randomUUID(), randomUUID(), randomUUID()]);
    expect(await pacing.room()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await pacing.room()).toBe(3);
  });

  it('checks a thousand starting runs in one query', async () => {
    const pacing = paceRunsByProgress({ db, maxStartingRuns: 1_000 });
    pacing.started(Array.from({ length: 1_000 }, () => randomUUID()));
    const started = performance.now();
    expect(await pacing.room()).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
