import 'server-only';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { COUNT_CAP, tenantOverview } from '../overview';

const count = z.number().int().describe(`Counted up to ${COUNT_CAP + 1}; more reads as ${COUNT_CAP + 1}`);

const Series = z.object({
  stepSeconds: z.number().int().describe('Width of a bucket'),
  buckets: z.array(
    z.object({
      at: z.iso.datetime().describe('Start of the bucket'),
      events: z.number().int().describe('Events received'),
      started: z.number().int().describe('Runs started'),
      completed: z.number().int().describe('Runs completed'),
      failed: z.number().int().describe('Runs failed'),
    }),
  ),
});

const WorkflowFigure = z.object({
  workflowId: z.uuid(),
  name: z.string(),
  runs: z.number().int().describe('Runs finished in the last day'),
  failed: z.number().int(),
  p50Ms: z.number().nullable().describe('Median duration of completed runs'),
  p95Ms: z.number().nullable().describe('95th percentile duration of completed runs'),
});

const Overview = z
  .object({
    generatedAt: z.iso.datetime(),
    lastHour: Series.describe('60 one-minute buckets, the last holding now'),
    lastDay: Series.describe('96 fifteen-minute buckets, the last holding now'),
    backlog: z.object({ pending: count.describe('Events waiting to be dispatched'), dead: count.describe('Dead letters') }),
    slowestWorkflows: z.array(WorkflowFigure).describe('Top 5 by the 95th percentile duration of runs completed in the last day'),
    mostFailingWorkflows: z.array(WorkflowFigure).describe('Top 5 by runs failed in the last day'),
    openApprovals: z.object({
      count,
      oldest: z.array(z.object({ id: z.uuid(), runId: z.uuid(), title: z.string(), dueAt: z.iso.datetime(), createdAt: z.iso.datetime() })),
    }),
    recentFailures: z
      .array(z.object({ runId: z.uuid(), workflowId: z.uuid(), workflowName: z.string(), finishedAt: z.iso.datetime(), eventId: z.uuid().nullable(), message: z.string().nullable() }))
      .describe('The 10 latest runs failed in the last day'),
  })
  .meta({ id: 'Overview' });

export const getOverview = defineRoute({
  method: 'GET',
  path: '/api/v1/overview',
  operationId: 'getOverview',
  summary: 'The tenant at a glance: events and runs per minute over the last hour and per 15 minutes over the day, backlog, slow and failing workflows, open approvals, recent failures',
  tags: ['Overview'],
  scope: 'workflows:read',
  response: { status: 200, description: 'As of now', schema: Overview },
  async handle({ principal }) {
    const overview = await tenantOverview(principal.tenantId);
    return {
      ...overview,
      openApprovals: {
        count: overview.openApprovals.count,
        oldest: overview.openApprovals.oldest.map((task) => ({ ...task, dueAt: task.dueAt.toISOString(), createdAt: task.createdAt.toISOString() })),
      },
    };
  },
});
