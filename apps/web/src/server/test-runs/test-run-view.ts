import 'server-only';
import type { TestRun } from '@cascade/db';
import { z } from 'zod';

/**
 * A test run as the designer's test panel and the API show it: its steps (what the canvas
 * colours), what it recorded instead of acting (stubbed calls, emits), and what waits for the
 * author (open waits, approvals and delays, each answerable by its step key).
 */

/** A step as the test worker writes it (apps/worker/src/test-runs/test-run-records.ts). */
interface StoredTestStep {
  key: string;
  nodeId: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  attempts?: number;
  input?: unknown;
  output?: unknown;
  error?: unknown;
  startedAt: string;
  finishedAt?: string;
  stubbed?: true;
  allowed?: true;
  emitted?: { type: string; version?: number; data: unknown };
  wait?: { waitId: string; eventType: string; correlationKey: string; correlationExpression: string; expiresAt: string };
  approval?: { taskId: string; title: string; assignees: string[]; formFields: unknown[]; dueAt: string };
}

export const TestRunStep = z
  .object({
    key: z.string(),
    nodeId: z.string(),
    status: z.enum(['RUNNING', 'COMPLETED', 'FAILED']),
    input: z.unknown().nullable(),
    output: z.unknown().nullable(),
    error: z.unknown().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    effect: z.enum(['stubbed', 'allowed']).nullable().describe('For an action: stubbed (it did not act and answered its canned output) or allowed to act'),
  })
  .meta({ id: 'TestRunStep' });

export const TestRunView = z
  .object({
    id: z.uuid(),
    workflowId: z.uuid(),
    status: z.enum(['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED']),
    error: z.unknown().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    event: z.unknown().describe('The event the test ran on, as `event` shows it to expressions'),
    definition: z.unknown().describe('The draft as it was when the test started'),
    steps: z.array(TestRunStep).describe('In the order they started'),
    emits: z.array(z.object({ key: z.string(), nodeId: z.string(), type: z.string(), version: z.number().int().nullable(), data: z.unknown() })).describe('Events the run would have emitted; none was published'),
    stubbedCalls: z.array(z.object({ key: z.string(), nodeId: z.string(), input: z.unknown().nullable(), output: z.unknown().nullable() })),
    waiting: z
      .array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('event'), key: z.string(), nodeId: z.string(), eventType: z.string(), expiresAt: z.string() }),
          z.object({ kind: z.literal('approval'), key: z.string(), nodeId: z.string(), title: z.string(), formFields: z.array(z.unknown()) }),
          z.object({ kind: z.literal('delay'), key: z.string(), nodeId: z.string(), until: z.string().nullable() }),
        ]),
      )
      .describe('What the run waits for now, each answerable by POST …/answers with its key'),
  })
  .meta({ id: 'TestRun' });
export type TestRunView = z.infer<typeof TestRunView>;

/** Steps in the order they ran: by start, then (for steps of the same millisecond) by finish, an unfinished one last. */
export const storedSteps = (row: TestRun): StoredTestStep[] =>
  Object.values(row.steps as unknown as Record<string, StoredTestStep>).sort(
    (a, b) => a.startedAt.localeCompare(b.startedAt) || (a.finishedAt ?? '~').localeCompare(b.finishedAt ?? '~') || a.key.localeCompare(b.key),
  );

export type { StoredTestStep };

export function toTestRunView(row: TestRun): TestRunView {
  const steps = storedSteps(row);
  const open = row.status === 'RUNNING' ? steps.filter((step) => step.status === 'RUNNING') : [];
  return {
    id: row.id,
    workflowId: row.workflowId,
    status: row.status,
    error: row.error ?? null,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    event: row.event,
    definition: row.definition,
    steps: steps.map((step) => ({
      key: step.key,
      nodeId: step.nodeId,
      status: step.status,
      input: step.input ?? null,
      output: step.output ?? null,
      error: step.error ?? null,
      startedAt: step.startedAt,
      finishedAt: step.finishedAt ?? null,
      effect: step.stubbed ? 'stubbed' : step.allowed ? 'allowed' : null,
    })),
    emits: steps.flatMap((step) => (step.emitted ? [{ key: step.key, nodeId: step.nodeId, type: step.emitted.type, version: step.emitted.version ?? null, data: step.emitted.data }] : [])),
    stubbedCalls: steps.flatMap((step) => (step.stubbed ? [{ key: step.key, nodeId: step.nodeId, input: step.input ?? null, output: step.output ?? null }] : [])),
    waiting: open.map((step) => {
      if (step.wait) return { kind: 'event' as const, key: step.key, nodeId: step.nodeId, eventType: step.wait.eventType, expiresAt: step.wait.expiresAt };
      if (step.approval) return { kind: 'approval' as const, key: step.key, nodeId: step.nodeId, title: step.approval.title, formFields: step.approval.formFields };
      return { kind: 'delay' as const, key: step.key, nodeId: step.nodeId, until: ((step.output as { until?: string } | undefined)?.until ?? null) };
    }),
  };
}
