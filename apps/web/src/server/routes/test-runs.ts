import 'server-only';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { pageOf, pageQuery } from '../http/pagination';
import { answerTestRun, findTestRun } from '../test-runs/answer-test-run';
import { listTestRuns, TestRunSummary } from '../test-runs/list-test-runs';
import { startDraftTestRun, testPlanOf } from '../test-runs/start-test-run';
import { toTestRunView, TestRunView } from '../test-runs/test-run-view';
import { db } from '../services';
import { findWorkflow } from './workflows';

const workflowParams = z.object({ id: z.uuid() });
const testRunParams = z.object({ id: z.uuid(), testRunId: z.uuid() });
const nodeId = z.string().min(1).max(200);

const StubSetting = z.union([
  z.strictObject({ mode: z.literal('stub'), output: z.unknown().describe('What the action answers instead of acting') }),
  z.strictObject({ mode: z.literal('allow') }),
]);

const StartTestRun = z
  .strictObject({
    event: z
      .strictObject({
        type: z.string().min(1).max(200).optional().describe('Defaults to the trigger’s event type'),
        version: z.number().int().positive().optional(),
        data: z.unknown().describe('The payload, checked against the event type’s schema'),
        correlationId: z.string().min(1).max(200).optional(),
      })
      .optional()
      .describe('A sample event, checked as a published one would be but not stored'),
    eventId: z.uuid().optional().describe('A past event of the tenant’s log to run on instead of a sample'),
    stubs: z
      .record(nodeId, StubSetting)
      .default({})
      .describe('Per action node: stub it with this canned output, or allow it to act. Unlisted nodes with side effects are stubbed with a default output'),
    scope: z
      .strictObject({
        mode: z.enum(['node', 'upTo', 'from']).describe('node: the node alone; upTo: from the trigger, ending with the node; from: from the node on'),
        nodeId: nodeId.describe('A top-level node of the draft, not the trigger; for node, one inside a body too (it runs with its body’s pinned item, else one generated from the items’ schema)'),
      })
      .optional()
      .describe('Run only part of the draft. For node and from, the draft’s pins stand in for the outputs of the nodes not run (PUT …/pins)'),
  })
  .refine((body) => !(body.event && body.eventId), { path: ['eventId'], message: 'Give a sample event or a past event id, not both' })
  .meta({ id: 'TestRunRequest' });

export const startTestRunRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/workflows/{id}/test-runs',
  operationId: 'startTestRun',
  summary: 'Run the current draft as a test: nothing is published, side effects are stubbed unless allowed, and no production run list or metric counts it',
  tags: ['Test runs'],
  scope: 'workflows:write',
  params: workflowParams,
  body: StartTestRun,
  maxBodyBytes: 1024 * 1024,
  response: { status: 201, description: 'The test run, just started', schema: TestRunView },
  errors: {
    400: 'The sample event holds text PostgreSQL cannot store',
    404: 'No such workflow in the caller’s tenant',
    413: 'The body or the sample event is too large',
    422: 'The draft is invalid (each problem addressed by node and field), the sample event fails its schema, a stub names no action node, or the scope names no node of the draft but the trigger (for upTo and from, no top-level one)',
  },
  async handle({ params, body, principal }) {
    const id = await startDraftTestRun(principal.tenantId, params.id, body, principal.id);
    return toTestRunView(await findTestRun(principal.tenantId, params.id, id));
  },
});

export const getTestRunPlan = defineRoute({
  method: 'GET',
  path: '/api/v1/workflows/{id}/test-plan',
  operationId: 'getTestRunPlan',
  summary: 'The draft’s action nodes as a test run treats them: stubbed by default or not, and the canned output a stub answers',
  tags: ['Test runs'],
  scope: 'workflows:read',
  params: workflowParams,
  response: {
    status: 200,
    description: 'One entry per action node, forEach bodies included',
    schema: z.object({
      sample: z.object({ type: z.string(), data: z.unknown() }).nullable().describe('A sample of the trigger’s event: the catalog’s example payload'),
      actions: z.array(z.object({ nodeId: z.string(), actionId: z.string(), stubbedByDefault: z.boolean(), cannedOutput: z.unknown() })),
    }),
  },
  errors: { 404: 'No such workflow in the caller’s tenant' },
  async handle({ params, principal }) {
    const workflow = await findWorkflow(principal.tenantId, params.id);
    return testPlanOf(principal.tenantId, workflow.draft);
  },
});

export const listTestRunsRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/workflows/{id}/test-runs',
  operationId: 'listTestRuns',
  summary: 'The workflow’s past test runs, newest first: what each ran on, which part of the draft, and how it ended',
  tags: ['Test runs'],
  scope: 'workflows:read',
  params: workflowParams,
  query: z.object({ ...pageQuery({ max: 100, default: 20 }) }),
  etag: 'body',
  response: { status: 200, description: 'Newest first; with an ETag, 304 when `If-None-Match` holds it', schema: pageOf(TestRunSummary) },
  errors: { 404: 'No such workflow in the caller’s tenant' },
  handle: ({ params, query, principal }) => listTestRuns(principal.tenantId, params.id, query),
});

export const getTestRun = defineRoute({
  method: 'GET',
  path: '/api/v1/workflows/{id}/test-runs/{testRunId}',
  operationId: 'getTestRun',
  summary: 'A test run’s progress: its steps, what it stubbed and would have emitted, and what it waits for',
  tags: ['Test runs'],
  scope: 'workflows:read',
  params: testRunParams,
  etag: 'body',
  response: { status: 200, description: 'The test run', schema: TestRunView },
  errors: { 404: 'No such test run of that workflow in the caller’s tenant' },
  handle: async ({ params, principal }) => toTestRunView(await findTestRun(principal.tenantId, params.id, params.testRunId)),
});

const Answer = z
  .union([
    z.strictObject({ kind: z.literal('event'), key: nodeId.describe('The waiting step'), data: z.unknown().describe('The awaited event’s payload; it must correlate with the run'), correlationId: z.string().min(1).max(200).optional() }),
    z.strictObject({ kind: z.literal('approval'), key: nodeId, outcome: z.enum(['approved', 'rejected']), data: z.record(z.string(), z.unknown()).default({}), comment: z.string().max(2000).optional() }),
    z.strictObject({ kind: z.literal('skipDelay'), key: nodeId }),
  ])
  .meta({ id: 'TestRunAnswer' });

export const answerTestRunRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/workflows/{id}/test-runs/{testRunId}/answers',
  operationId: 'answerTestRun',
  summary: 'Answer what a test run waits for: send the awaited event (never published), decide an approval, or skip a delay',
  tags: ['Test runs'],
  scope: 'workflows:write',
  params: testRunParams,
  body: Answer,
  response: { status: 202, description: 'The answer was delivered; the run goes on', schema: TestRunView },
  errors: {
    400: 'The event holds text PostgreSQL cannot store',
    404: 'No such test run of that workflow in the caller’s tenant',
    409: 'The test run has finished, or the step is not waiting for this kind of answer',
    413: 'The event is too large',
    422: 'The event fails its schema or does not correlate with the run, or the approval’s form data does not fit',
  },
  async handle({ params, body, principal }) {
    await answerTestRun(principal.tenantId, params.id, params.testRunId, body, principal.id);
    return toTestRunView(await db().testRun.findFirstOrThrow({ where: { id: params.testRunId, tenantId: principal.tenantId } }));
  },
});
