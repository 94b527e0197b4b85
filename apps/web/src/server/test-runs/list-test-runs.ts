import 'server-only';
import { sql } from '@cascade/db';
import { z } from 'zod';
import { invalidCursor, toPage } from '../http/pagination';
import { notFound } from '../http/problem';
import { db } from '../services';
import { pastTimeLimit } from './answer-test-run';
import { TestRunScope, TestRunStatus } from './test-run-view';

/** A past test run as the test panel lists it: enough to tell it apart and open it. */
export const TestRunSummary = z
  .object({
    id: z.uuid(),
    status: TestRunStatus,
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    startedBy: z.string().describe('The user or API key that started it'),
    eventType: z.string().nullable().describe('The type of the event it ran on'),
    scope: TestRunScope,
    error: z.string().nullable().describe('Why it failed, for a failed or ended one'),
  })
  .meta({ id: 'TestRunSummary' });
export type TestRunSummary = z.infer<typeof TestRunSummary>;

/** A cursor of this list: the start time and id of the last test run of the page before. */
const ListCursor = z.tuple([z.iso.datetime(), z.uuid()]);

interface SummaryRow {
  id: string;
  status: TestRunSummary['status'];
  started_at: Date;
  finished_at: Date | null;
  started_by: string;
  event_type: string | null;
  scope: TestRunSummary['scope'];
  error: string | null;
}

/**
 * The workflow's test runs, newest first, a page after `cursor`: read from the index on (tenant,
 * workflow, start), and without their steps, draft or event, which can each be large. 404 for a
 * workflow not in the tenant.
 */
export async function listTestRuns(tenantId: string, workflowId: string, page: { limit: number; cursor?: Array<string | number> | undefined }) {
  const after = page.cursor === undefined ? undefined : ListCursor.safeParse(page.cursor);
  if (after && !after.success) throw invalidCursor();
  const workflow = await db().workflow.findFirst({ where: { id: workflowId, tenantId }, select: { id: true } });
  if (!workflow) throw notFound(`No workflow ${workflowId} in this tenant`);
  const rows = await sql<SummaryRow>(
    db(),
    `SELECT id, status, started_at, finished_at, started_by, scope,
            CASE WHEN jsonb_typeof(event -> 'type') = 'string' THEN event ->> 'type' END AS event_type,
            CASE WHEN jsonb_typeof(error -> 'message') = 'string' THEN left(error ->> 'message', 500) END AS error
       FROM test_runs
      WHERE tenant_id = $1::uuid AND workflow_id = $2::uuid
        AND ($3::timestamptz IS NULL OR (started_at, id) < ($3::timestamptz, $4::uuid))
      ORDER BY started_at DESC, id DESC
      LIMIT $5`,
    [tenantId, workflowId, after?.data[0] ?? null, after?.data[1] ?? null, page.limit + 1],
  );
  const { rows: shown, nextCursor } = toPage(rows, page.limit, (row) => [row.started_at, row.id]);
  return {
    items: shown.map((row): TestRunSummary => ({
      id: row.id,
      // One Temporal ended at its time limit is still marked running until it is next opened.
      status: pastTimeLimit({ status: row.status, startedAt: row.started_at }) ? 'CANCELLED' : row.status,
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      startedBy: row.started_by,
      eventType: row.event_type,
      scope: row.scope ?? null,
      error: row.error,
    })),
    nextCursor,
  };
}
