import 'server-only';
import { readDraft, triggerEventOf } from '@/designer/draft';
import { db } from '@/server/services';

/** A row of the workflows list. */
export interface WorkflowListRow {
  id: string;
  name: string;
  enabled: boolean;
  latestVersion: number | null;
  updatedAt: Date;
  /** The event the draft's trigger starts on; null while it has none. */
  trigger: string | null;
  lastRun: { id: string; status: string; startedAt: Date } | null;
}

/** The tenant's workflows, most recently changed first, with their trigger, latest published version and latest run. */
export async function listWorkflowsOf(tenantId: string): Promise<WorkflowListRow[]> {
  const rows = await db().workflow.findMany({
    where: { tenantId },
    orderBy: { updatedAt: 'desc' },
    select: {
      id: true,
      name: true,
      enabled: true,
      updatedAt: true,
      draft: true,
      versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true } },
      // Served by the runs (tenant, workflow, started_at) index: one row read per workflow.
      runs: { orderBy: { startedAt: 'desc' }, take: 1, select: { id: true, status: true, startedAt: true } },
    },
  });
  return rows.map(({ versions, runs, draft, ...row }) => ({
    ...row,
    latestVersion: versions[0]?.version ?? null,
    trigger: triggerEventOf(readDraft(draft, row.name).definition) ?? null,
    lastRun: runs[0] ?? null,
  }));
}
