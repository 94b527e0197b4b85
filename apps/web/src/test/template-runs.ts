import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { expect } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { eventually } from '@/test/worker-stack';
import { decideApprovalRoute, listApprovals } from '@/server/routes/approvals';
import { getEvent, listEvents, publishEvents } from '@/server/routes/events';
import { instantiateTemplateRoute } from '@/server/routes/templates';
import { db } from '@/server/services';

/** An event as GET /api/v1/events/{id} shows it. */
export interface LoggedEvent {
  id: string;
  causationId: string | null;
  correlationId: string | null;
  data: Record<string, unknown>;
  dispatch: { status: string } | null;
  runsStarted: unknown[];
}

/**
 * A tenant driving one template end to end over the API, as a producer and an admin would:
 * instantiate it (published), publish events, read the event log, decide approval tasks. Runs are
 * those of the worker stack (worker-stack.ts) the test file started.
 */
export async function tenantWithTemplate(key: string, parameters: Record<string, unknown>) {
  const { apiKey, tenantId } = await createTenantWithKey(['events:publish', 'workflows:read', 'workflows:write', 'approvals:decide']);
  const instantiated = await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body: { parameters, publish: true } });
  expect(instantiated.status, JSON.stringify(await instantiated.clone().json())).toBe(201);

  /** The tenant's events of `type` from the event log (GET /api/v1/events, then each by id), oldest first. */
  const logged = async (type: string): Promise<LoggedEvent[]> => {
    const page = (await (await callRoute(listEvents, { apiKey, query: `type=${encodeURIComponent(type)}&limit=100` })).json()) as { items: Array<{ id: string }> };
    return Promise.all(page.items.reverse().map(async ({ id }) => (await callRoute(getEvent, { apiKey, params: { id } })).json()));
  };

  return {
    apiKey,
    tenantId,

    /** Publishes an event of `type` over the API: its catalog example, with `data` over it. */
    async publish(type: string, data: Record<string, unknown> = {}): Promise<{ id: string; correlationId: string }> {
      const example = getEventDefinition(type)!.example as Record<string, unknown>;
      const correlationId = randomUUID();
      const response = await callRoute(publishEvents, { apiKey, body: { type, source: 'test', correlationId, data: { ...example, tenantId, ...data } } });
      expect(response.status, JSON.stringify(await response.clone().json())).toBe(202);
      const { accepted } = (await response.json()) as { accepted: Array<{ id: string }> };
      return { id: accepted[0]!.id, correlationId };
    },

    logged,

    /** Waits until the log holds at least `count` events of `type`. */
    async awaitLogged(type: string, count = 1) {
      return eventually(async () => {
        const events = await logged(type);
        return events.length >= count ? events : undefined;
      });
    },

    /** The run the event started, once it has finished. */
    finishedRun(eventId: string) {
      return eventually(async () => {
        const run = await db().run.findFirst({ where: { tenantId, eventId } });
        return run && run.status !== 'RUNNING' ? run : undefined;
      });
    },

    /** The tenant's one pending approval task, once a run has opened it and `ready` holds. */
    pendingTask(ready: (task: { assignees: string[]; escalatedAt: string | null }) => boolean = () => true) {
      return eventually(async () => {
        const page = await (await callRoute(listApprovals, { apiKey, query: 'status=PENDING' })).json();
        const task = page.items[0] as { id: string; title: string; assignees: string[]; escalatedAt: string | null } | undefined;
        return task && ready(task) ? task : undefined;
      });
    },

    async decide(taskId: string, body: { outcome: 'approved' | 'rejected'; data?: Record<string, unknown>; comment?: string }) {
      const response = await callRoute(decideApprovalRoute, { apiKey, params: { id: taskId }, body });
      expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
      return response.json();
    },
  };
}

export type TemplateTenant = Awaited<ReturnType<typeof tenantWithTemplate>>;

/** Asserts the follow-up event came from `trigger`: caused by it, in its correlation. */
export function expectCausedBy(followUp: { causationId: string | null; correlationId: string | null }, trigger: { id: string; correlationId: string }) {
  expect(followUp).toMatchObject({ causationId: trigger.id, correlationId: trigger.correlationId });
}
