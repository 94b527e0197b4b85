import 'server-only';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { RUN_STATUSES } from '../run-store';
import { runFingerprint } from '../run-view/node-aggregates';
import { loadRunView } from '../run-view/run-view';

const instant = z.iso.datetime();
const EventLink = z.object({ id: z.uuid(), type: z.string(), receivedAt: instant });

const NodeRunState = z.object({
  nodeId: z.string(),
  state: z.enum(['not-reached', 'running', 'waiting', 'completed', 'failed', 'skipped']),
  steps: z.number().int().describe('Times the node ran: once, or once per forEach iteration it sits in'),
  completed: z.number().int(),
  failed: z.number().int(),
  retries: z.number().int().describe('Attempts beyond the first, over all its steps'),
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  durationMs: z.number().nullable().describe('First start to last finish, or to now while it runs or waits'),
}).meta({ id: 'NodeRunState' });

const WaitExplanation = z.object({
  nodeKey: z.string(),
  nodeId: z.string(),
  state: z.enum(['waiting', 'received', 'timed-out']),
  eventType: z.string(),
  correlation: z.object({ value: z.unknown().describe('What the awaited event’s correlation must give'), eventExpression: z.string() }),
  filter: z.string().nullable(),
  openedAt: instant,
  expiresAt: instant,
  closedAt: instant.nullable(),
  deliveredEventId: z.uuid().nullable(),
  bufferSeconds: z.number(),
  earlierEvents: z.array(EventLink.extend({ correlates: z.boolean() })).describe('Events of the type received in the buffer window before the wait opened'),
  publish: z.object({
    draft: z.object({ type: z.string(), source: z.string(), data: z.record(z.string(), z.unknown()), correlationId: z.string().optional() }),
    placed: z.boolean().describe('Whether the correlation value was placed where the expression reads it'),
  }).describe('An event that would match, to prefill a publish form'),
}).meta({ id: 'WaitExplanation' });

const RunView = z.object({
  run: z.object({
    id: z.uuid(), workflowId: z.uuid(), workflowName: z.string(), version: z.number().int(), status: z.enum(RUN_STATUSES),
    eventId: z.uuid().nullable(), parentRunId: z.uuid().nullable(), startedAt: instant, finishedAt: instant.nullable(), error: z.unknown().nullable(),
  }),
  definition: z.unknown().describe('The published version the run executes'),
  nodes: z.array(NodeRunState),
  takenEdges: z.array(z.string()).describe('Ids of the edges the run took, those of forEach bodies included (read from the ports their nodes’ last steps left by)'),
  forEach: z.record(z.string(), z.object({ iterations: z.number().int(), body: z.array(NodeRunState) })),
  children: z.array(z.object({ stepKey: z.string(), nodeId: z.string(), runId: z.uuid(), status: z.enum(RUN_STATUSES) })),
  waits: z.array(WaitExplanation),
  approvals: z.array(z.object({
    id: z.uuid(), nodeKey: z.string(), title: z.string(), status: z.string(), assignees: z.array(z.string()), dueAt: instant, createdAt: instant,
    escalatedAt: instant.nullable(), escalation: z.object({ after: z.string(), assignees: z.array(z.string()) }).nullable(),
    decidedBy: z.string().nullable(), decidedAt: instant.nullable(),
  })),
  events: z.object({
    trigger: EventLink.nullable(),
    emitted: z.array(EventLink.extend({ stepKey: z.string() })),
    received: z.array(EventLink.extend({ nodeKey: z.string() })),
  }),
  now: instant,
}).meta({ id: 'RunView' });

export const getRunView = defineRoute({
  method: 'GET',
  path: '/api/v1/runs/{id}/view',
  operationId: 'getRunView',
  summary: 'A run as its page draws it: each node’s state, the path taken, waits explained, and its events; poll it with If-None-Match',
  tags: ['Runs'],
  scope: 'workflows:read',
  params: z.object({ id: z.uuid() }),
  // Read from the run's indexes before anything else: an unchanged run costs one small query and a 304.
  etag: ({ params, principal }) => runFingerprint(principal.tenantId, params.id),
  response: { status: 200, description: 'The run’s view, with an ETag; 304 when `If-None-Match` holds it', schema: RunView },
  errors: { 404: 'No such run in the caller’s tenant' },
  handle: ({ params, principal }) => loadRunView(principal.tenantId, params.id),
});
