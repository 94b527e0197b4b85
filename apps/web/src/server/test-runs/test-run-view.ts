import 'server-only';
import type { TestRun } from '@cascade/db';
import { z } from 'zod';
import type { NodeAggregate } from '../run-view/node-aggregates';
import { deriveNodeStates } from '../run-view/node-states';
import { matchingEventDraft, nodeIdOfKey } from '../run-view/wait-explanation';

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
    scope: z
      .object({ mode: z.enum(['node', 'upTo', 'from']), nodeId: z.string(), pinned: z.array(z.string()).describe('Nodes whose pinned outputs stood in for running them') })
      .nullable()
      .describe('The part of the draft the test ran; null for the whole draft'),
    steps: z.array(TestRunStep).describe('In the order they started'),
    nodes: z.array(z.object({ nodeId: z.string(), state: z.enum(['not-reached', 'running', 'waiting', 'completed', 'failed', 'skipped']) })).describe('Each top-level node’s state, as the run viewer colours it'),
    takenEdges: z.array(z.string()),
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

/**
 * The steps summed up per node, as the run viewer's query does for a production run's step rows
 * (node-aggregates.ts): a test run's few steps are in its row already, so this sums them in memory.
 */
function aggregate(steps: readonly StoredTestStep[]): NodeAggregate[] {
  const byNode = new Map<string, StoredTestStep[]>();
  for (const step of steps) byNode.set(step.nodeId, [...(byNode.get(step.nodeId) ?? []), step]);
  return [...byNode].map(([nodeId, of]) => {
    const last = of.at(-1)!;
    const output = last.output;
    const lastResult = output === undefined || output === null || typeof output === 'boolean' || typeof output === 'string' ? (output ?? null)
      : typeof (output as { outcome?: unknown }).outcome === 'string' ? { outcome: (output as { outcome: string }).outcome } : {};
    const finished = of.every((step) => step.finishedAt);
    return {
      nodeId, steps: of.length, lastStatus: last.status, lastResult,
      completed: of.filter((step) => step.status === 'COMPLETED').length,
      failed: of.filter((step) => step.status === 'FAILED').length,
      running: of.filter((step) => step.status === 'RUNNING').length,
      retries: of.reduce((sum, step) => sum + Math.max((step.attempts ?? 1) - 1, 0), 0),
      firstStartedAt: new Date(of[0]!.startedAt),
      lastFinishedAt: finished ? new Date(of.map((step) => step.finishedAt!).sort().at(-1)!) : null,
      busyMs: 0,
    };
  });
}

type FlowOf = Parameters<typeof deriveNodeStates>[0];

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
  const parked = new Map(open.map((step) => [nodeIdOfKey(step.key), new Date(step.startedAt)]));
  const flow = row.definition as unknown as FlowOf;
  const { nodes, takenEdges } = deriveNodeStates(flow, { runStatus: row.status, aggregates: aggregate(steps), parked, now: new Date() });
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
    nodes: nodes.map(({ nodeId, state }) => ({ nodeId, state })),
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
