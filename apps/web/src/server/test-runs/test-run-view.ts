import 'server-only';
import type { TestRun } from '@cascade/db';
import { z } from 'zod';
import { matchingEventDraft } from '../run-view/wait-explanation';
import { nodeStates, type StoredTestStep } from './test-run-states';

/**
 * A test run as the designer's test panel and the API show it: its steps (what the canvas
 * colours), what it recorded instead of acting (stubbed calls, emits), and what waits for the
 * author (open waits, approvals and delays, each answerable by its step key).
 */

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

export const TestRunScope = z
  .object({
    mode: z.enum(['node', 'upTo', 'from']),
    nodeId: z.string(),
    pinned: z.array(z.string()).describe('Nodes whose pinned outputs stood in for running them'),
    items: z
      .record(z.string(), z.object({ item: z.unknown(), index: z.number().int(), from: z.enum(['typed', 'run', 'sample']) }))
      .optional()
      .describe('For a node inside a body: per node holding a body it sits in, the item and index it ran with, and where they came from (pinned, a past run’s iteration, or generated from the items’ schema)'),
  })
  .nullable()
  .describe('The part of the draft the test ran; null for the whole draft');

export const TestRunStatus = z.enum(['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED']);

export const TestRunView = z
  .object({
    id: z.uuid(),
    workflowId: z.uuid(),
    status: TestRunStatus,
    error: z.unknown().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    event: z.unknown().describe('The event the test ran on, as `event` shows it to expressions'),
    definition: z.unknown().describe('The draft as it was when the test started'),
    scope: TestRunScope,
    steps: z.array(TestRunStep).describe('In the order they started'),
    nodes: z
      .array(
        z.object({
          nodeId: z.string(),
          state: z.enum(['not-reached', 'running', 'waiting', 'completed', 'failed', 'skipped']),
          steps: z.number().int().describe('Times the node ran: once, or once per forEach iteration that reached it'),
          iterations: z.number().int().nullable().describe('For a forEach: the iterations that left steps; null for other nodes'),
          inBodyOf: z.string().nullable().describe('The forEach whose body holds the node; null at the top level'),
        }),
      )
      .describe(
        'Every node’s state, forEach bodies at any depth included, as the run viewer colours it. A body node’s state sums its iterations: failed when one failed, running while one runs, completed when every one that reached it completed',
      ),
    takenEdges: z.array(z.string()).describe('Ids of the edges the run took, those inside forEach bodies included (taken in any iteration)'),
    emits: z.array(z.object({ key: z.string(), nodeId: z.string(), type: z.string(), version: z.number().int().nullable(), data: z.unknown() })).describe('Events the run would have emitted; none was published'),
    stubbedCalls: z.array(z.object({ key: z.string(), nodeId: z.string(), input: z.unknown().nullable(), output: z.unknown().nullable() })),
    waiting: z
      .array(
        z.discriminatedUnion('kind', [
          z.object({
            kind: z.literal('event'), key: z.string(), nodeId: z.string(), eventType: z.string(), expiresAt: z.string(),
            matchingData: z.unknown().describe('The event type’s example with the value the correlation must give put in place: a payload that answers the wait'),
          }),
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

/** The value a correlation key encodes (its JSON text, see correlationKey). */
function parseKey(key: string): unknown {
  try {
    return JSON.parse(key) as unknown;
  } catch {
    return key;
  }
}

export function toTestRunView(row: TestRun): TestRunView {
  const steps = storedSteps(row);
  const open = row.status === 'RUNNING' ? steps.filter((step) => step.status === 'RUNNING') : [];
  const { nodes, takenEdges } = nodeStates(row, steps, new Date());
  return {
    id: row.id,
    workflowId: row.workflowId,
    status: row.status,
    error: row.error ?? null,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    event: row.event,
    definition: row.definition,
    scope: (row.scope ?? null) as TestRunView['scope'],
    nodes: nodes.map(({ nodeId, state, steps: times, iterations, inBodyOf }) => ({ nodeId, state, steps: times, iterations, inBodyOf })),
    takenEdges,
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
      if (step.wait) {
        const { draft } = matchingEventDraft(step.wait.eventType, step.wait.correlationExpression, parseKey(step.wait.correlationKey));
        return { kind: 'event' as const, key: step.key, nodeId: step.nodeId, eventType: step.wait.eventType, expiresAt: step.wait.expiresAt, matchingData: draft.data };
      }
      if (step.approval) return { kind: 'approval' as const, key: step.key, nodeId: step.nodeId, title: step.approval.title, formFields: step.approval.formFields };
      return { kind: 'delay' as const, key: step.key, nodeId: step.nodeId, until: ((step.output as { until?: string } | undefined)?.until ?? null) };
    }),
  };
}
