import { randomUUID } from 'node:crypto';
import { createDatabase } from '@cascade/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readArchive, retentionFixtures } from './retention-fixtures';
import { retireRuns } from './retire-runs';

const db = createDatabase(inject('databaseUrl'));
const fixtures = retentionFixtures(db);
afterAll(() => db.$disconnect());

describe('retireRuns', () => {
  it('archives finished runs past the window with their steps, waits and approvals, then deletes them all', async () => {
    const tenant = await fixtures.tenant();
    const context = await fixtures.context();
    const old = await fixtures.run(tenant, { status: 'COMPLETED', finishedDaysAgo: 100, steps: 3 });
    const failed = await fixtures.run(tenant, { status: 'FAILED', finishedDaysAgo: 95 });
    const recent = await fixtures.run(tenant, { status: 'COMPLETED', finishedDaysAgo: 10 });
    const running = await fixtures.run(tenant, { status: 'RUNNING' });
    const parent = await fixtures.run(tenant, { status: 'RUNNING' });
    const childOfRunning = await fixtures.run(tenant, { status: 'COMPLETED', finishedDaysAgo: 100, parentRunId: parent });
    const task = { tenantId: tenant.id, temporalWorkflowId: 'w', nodeKey: 'approve', title: 'Approve', assignees: [], formFields: [], dueAt: new Date() };
    await db.approvalTask.create({ data: { ...task, id: randomUUID(), runId: old, status: 'APPROVED', decidedBy: 'ann' } });

    expect(await retireRuns(context, tenant.id, 90)).toEqual({ deleted: 2, full: false });

    const left = await db.run.findMany({ where: { tenantId: tenant.id }, select: { id: true } });
    expect(new Set(left.map((run) => run.id))).toEqual(new Set([recent, running, parent, childOfRunning]));
    expect(await db.runStep.count({ where: { runId: { in: [old, failed] } } })).toBe(0);
    expect(await db.approvalTask.count({ where: { runId: old } })).toBe(0);

    const { files, records } = await readArchive(context.dir);
    expect(files.every((file) => file.startsWith(`${tenant.id}/`) && /\/runs-[0-9a-f]{16}\.ndjson\.gz$/.test(file))).toBe(true);
    const byId = new Map(records.map((record) => [record.run!.id, record]));
    expect([...byId.keys()].sort()).toEqual([old, failed].sort());
    expect(byId.get(old)).toMatchObject({
      kind: 'run',
      run: { id: old, status: 'COMPLETED', workflow_id: tenant.workflowId, version_id: tenant.versionId },
      waits: [],
      approvalTasks: [{ status: 'APPROVED', decided_by: 'ann' }],
    });
    expect(byId.get(old)!.steps!.map((step) => [step.key, step.output])).toEqual([
      ['n0', { ok: true }],
      ['n1', { ok: true }],
      ['n2', { ok: true }],
    ]);
  });

  it('takes at most one batch of runs a call', async () => {
    const tenant = await fixtures.tenant();
    const context = await fixtures.context({ runBatchSize: 2 });
    for (let index = 0; index < 3; index++) await fixtures.run(tenant, { status: 'CANCELLED', finishedDaysAgo: 20 + index });
    expect(await retireRuns(context, tenant.id, 7)).toEqual({ deleted: 2, full: true });
    expect(await retireRuns(context, tenant.id, 7)).toEqual({ deleted: 1, full: false });
    expect((await readArchive(context.dir)).records).toHaveLength(3);
  });
});
