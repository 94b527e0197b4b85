import type { Database, Prisma } from '@cascade/db';
import type { WorkflowDefinition } from '@cascade/workflow';
import type { Client } from '@temporalio/client';
import { WORKFLOW_NAMES } from './index';
import { INTERPRETER_REVISION, type RunEvent, type RunInput } from './interpreter-contract';
import { scopedRun, type TestIterations, type TestScope } from './test-scope';

/**
 * Test runs of drafts (DESIGN.md §9): the interpreter workflow on a task queue of their own
 * (`CASCADE_TEST_TASK_QUEUE`, served by the same worker process as production runs), whose
 * worker records what side-effecting actions and emits would do instead of doing it, and writes
 * steps to the test-run table rather than to production runs. Nothing about them reaches the run
 * list, the overview, metrics or webhooks, which all read production runs.
 */

/** A test run's Temporal workflow id: the tenant is part of it, so an id never reaches another tenant's run. */
export function testRunWorkflowId(tenantId: string, testRunId: string): string {
  return `test:${tenantId}:${testRunId}`;
}

/** How a test run treats one action node: stubbed with a canned output, or allowed to act. */
export type StubSetting = { mode: 'stub'; output: unknown } | { mode: 'allow' };

export interface TestRunStart {
  /** The test run's id, chosen by the caller. */
  id: string;
  tenantId: string;
  workflowId: string;
  /** The draft, validated as for publishing. */
  definition: WorkflowDefinition;
  /** The event it runs on: a sample, or a past event of the log. */
  event: RunEvent;
  stubs: Record<string, StubSetting>;
  startedBy: string;
  taskQueue: string;
  /** Runs only part of the draft: one node, up to a node, or from a node (test-scope.ts). */
  scope?: TestScope;
  /** Pinned outputs by node id, standing in for the nodes a scoped test does not run. */
  pinned?: Record<string, unknown>;
  /** For a body node tested alone: the item and index of each body it sits in, and where each came from. */
  iterations?: Record<string, TestIterations[string] & { from: 'typed' | 'run' | 'sample' }>;
}

/** The longest a test run lives (a day): one left waiting is ended then, so none lingers. */
export const TEST_RUN_TIMEOUT_MS = 24 * 60 * 60 * 1000;

/**
 * Records the test run and starts it: the interpreter workflow with the draft inline, marked as a
 * test, on the test task queue. The row comes first, since the test worker's activities write
 * into it and read its stub settings.
 */
export async function startTestRun(db: Database, client: Client, start: TestRunStart): Promise<void> {
  const temporalWorkflowId = testRunWorkflowId(start.tenantId, start.id);
  const iterations = start.iterations ?? {};
  const scoped = start.scope ? scopedRun(start.definition, start.scope, start.pinned ?? {}, iterations) : { definition: start.definition };
  // The pins a run from a node starts with: those of the nodes it does not reach first.
  const pinned = scoped.resume ? Object.keys(scoped.resume.steps).filter((nodeId) => !Object.hasOwn(iterations, nodeId)) : [];
  const items = Object.keys(iterations).length > 0 ? { items: iterations } : {};
  await db.testRun.create({
    data: {
      id: start.id,
      tenantId: start.tenantId,
      workflowId: start.workflowId,
      temporalWorkflowId,
      definition: start.definition as unknown as Prisma.InputJsonObject,
      event: start.event as unknown as Prisma.InputJsonObject,
      stubs: start.stubs as Prisma.InputJsonObject,
      ...(start.scope ? { scope: { ...start.scope, pinned, ...items } as Prisma.InputJsonObject } : {}),
      startedBy: start.startedBy,
    },
  });
  const input: RunInput = {
    // A draft has no version: the test run's own id stands in for it, and its number is 0.
    run: { id: start.id, tenantId: start.tenantId, workflowId: start.workflowId, versionId: start.id, version: 0 },
    revision: INTERPRETER_REVISION,
    definition: scoped.definition,
    event: start.event,
    ...(scoped.resume ? { resume: { ...scoped.resume, startedAt: new Date().toISOString() } } : {}),
    test: true,
  };
  try {
    await client.workflow.start(WORKFLOW_NAMES.run, { taskQueue: start.taskQueue, workflowId: temporalWorkflowId, args: [input], workflowExecutionTimeout: TEST_RUN_TIMEOUT_MS });
  } catch (error) {
    await db.testRun.update({ where: { id: start.id }, data: { status: 'FAILED', finishedAt: new Date(), error: { message: `The test run could not start: ${String(error)}` } } });
    throw error;
  }
}

export { scopedRun, type TestIterations, type TestScope, type TestScopeMode } from './test-scope';
