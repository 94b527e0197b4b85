import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql, type Database, type RunStatus } from '@cascade/db';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES, type Publisher } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { directoryArchive } from './archive-store';
import type { RetentionContext } from './retention-context';

/** Test data for retention: tenants with windows, events published the real way, runs, and aged timestamps. */
export function retentionFixtures(db: Database) {
  const ingestion = createIngestion(db);
  const ingestOptions = { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 8 };
  const breach = (id: string) => ({
    id,
    type: 'TICKET_SLA_STAGE_BREACHED',
    source: 'psa',
    correlationId: 'T-1',
    data: {
      tenantId: 'psa-tenant-1',
      ticketId: 'T-1',
      slaPolicyId: 'SLA-1',
      stage: 'resolution',
      breachedAt: '2026-03-03T08:15:05Z',
      targetAt: '2026-03-03T08:14:05Z',
      overdueBySeconds: 60,
    },
  });

  return {
    async context(overrides: Partial<RetentionContext> = {}): Promise<RetentionContext & { dir: string }> {
      const dir = await mkdtemp(join(tmpdir(), 'cascade-retention-'));
      return {
        db,
        logger: createLogger('retention-test', { level: 'silent' }),
        archive: directoryArchive(dir),
        batchSize: 500,
        runBatchSize: 100,
        eventBufferSeconds: 300,
        dir,
        ...overrides,
      };
    },

    /** A tenant with a published workflow version, and the windows given (none: keep for ever). */
    async tenant(windows?: { eventLogDays: number | null; runHistoryDays: number | null }) {
      const tenant = await db.tenant.create({ data: { slug: `retention-${randomUUID()}`, name: 'Retention' } });
      const workflow = await db.workflow.create({ data: { tenantId: tenant.id, name: 'Kept', draft: {} } });
      const version = await db.workflowVersion.create({ data: { tenantId: tenant.id, workflowId: workflow.id, version: 1, definition: {} } });
      if (windows) await db.tenantRetention.create({ data: { tenantId: tenant.id, ...windows } });
      const publisher: Publisher = { tenantId: tenant.id, id: 'key-1', namespaces: [], service: null };
      return { id: tenant.id, workflowId: workflow.id, versionId: version.id, publisher };
    },

    /** Publishes through ingestion; returns the ids and whether each was a duplicate. */
    async publish(publisher: Publisher, ids: string[]) {
      const result = await ingestion.ingest(publisher, ids.map(breach), ingestOptions);
      if (result.rejected.length) throw new Error(JSON.stringify(result.rejected));
      return result.accepted;
    },

    /** Marks events dispatched (as the dispatcher does) and moves their receipt `days` back. */
    async ageEvents(tenantId: string, ids: string[], days: number, dispatched = true) {
      if (dispatched) await sql(db, `UPDATE dispatches SET status = 'DISPATCHED', dispatched_at = now() WHERE tenant_id = $1 AND event_id = ANY($2::uuid[])`, [tenantId, ids]);
      await sql(db, `UPDATE events SET received_at = received_at - make_interval(days => $3) WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids, days]);
    },

    /** A run of the tenant's workflow with `steps` steps, finished `finishedDaysAgo` days ago unless RUNNING. */
    async run(tenant: { id: string; workflowId: string; versionId: string }, options: { status: RunStatus; finishedDaysAgo?: number; eventId?: string; steps?: number; parentRunId?: string }) {
      const id = randomUUID();
      const finishedAt = options.status === 'RUNNING' ? null : new Date(Date.now() - (options.finishedDaysAgo ?? 0) * 86_400_000);
      await db.run.create({
        data: {
          id,
          tenantId: tenant.id,
          workflowId: tenant.workflowId,
          versionId: tenant.versionId,
          temporalWorkflowId: `retention-${id}`,
          eventId: options.eventId ?? null,
          parentRunId: options.parentRunId ?? null,
          status: options.status,
          startedAt: new Date((finishedAt ?? new Date()).getTime() - 60_000),
          finishedAt,
          steps: {
            create: Array.from({ length: options.steps ?? 2 }, (_, index) => ({
              nodeId: `n${index}`,
              key: `n${index}`,
              status: 'COMPLETED' as const,
              input: { index },
              output: { ok: true },
              startedAt: new Date(),
              finishedAt: new Date(),
            })),
          },
        },
      });
      return id;
    },
  };
}

/** A line of an archive file, as the tests look into it. */
export interface ArchivedLine {
  kind: 'event' | 'run';
  event?: { id: string } & Record<string, unknown>;
  dispatch?: Record<string, unknown> | null;
  run?: { id: string } & Record<string, unknown>;
  steps?: Array<{ key: string; output: unknown }>;
  waits?: unknown[];
  approvalTasks?: unknown[];
}

/** Every record of every archive file under `dir`: gunzipped, one JSON value per line. */
export async function readArchive(dir: string): Promise<{ files: string[]; records: ArchivedLine[] }> {
  const files = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.ndjson.gz')).sort();
  const records: ArchivedLine[] = [];
  for (const file of files) {
    const text = gunzipSync(await readFile(join(dir, file))).toString('utf8');
    for (const line of text.split('\n').filter(Boolean)) records.push(JSON.parse(line) as ArchivedLine);
  }
  return { files: files.map((file) => relative(dir, join(dir, file))), records };
}
