import 'server-only';
import type { TestRun } from '@cascade/db';
import { readDraft } from '../../designer/draft';
import { deriveFlowStates } from '../run-view/flow-states';
import type { NodeAggregate } from '../run-view/node-aggregates';
import { deriveNodeStates } from '../run-view/node-states';
import { nodeIdOfKey } from '../run-view/wait-explanation';

/**
 * What a test run's steps say about each node of its draft. Its steps are in its row (not in
 * run_steps), so they are summed up here in memory into the aggregates the run viewer's query
 * gives for a production run, and drawn by the same derivation (run-view/flow-states.ts).
 */

/** A step as the test worker writes it (apps/worker/src/test-runs/test-run-records.ts). */
export interface StoredTestStep {
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

/**
 * The steps summed up per node, as the run viewer's query does for a production run's step rows
 * (node-aggregates.ts): a test run's few steps are in its row already, so this sums them in memory.
 */
function aggregate(steps: readonly StoredTestStep[]): NodeAggregate[] {
  const byNode = new Map<string, StoredTestStep[]>();
  for (const step of steps) {
    const of = byNode.get(step.nodeId);
    if (of) of.push(step);
    else byNode.set(step.nodeId, [step]);
  }
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

/** A forEach iteration's key prefix (`lines[2].`, `outer[0].lines[2].`) and the forEach it belongs to. */
const ITERATION_PREFIX = /(?:^|\.)([^.[\]]+)\[\d+\]\.$/;

/**
 * The steps of each forEach iteration, by forEach and by iteration prefix: a step belongs to the
 * iteration its key names last (`outer[0].lines[2].notify` to `outer[0].lines[2].` of `lines`).
 */
function stepsByIteration(steps: readonly StoredTestStep[]): Map<string, Map<string, StoredTestStep[]>> {
  const loops = new Map<string, Map<string, StoredTestStep[]>>();
  for (const step of steps) {
    const end = step.key.lastIndexOf('].');
    if (end < 0) continue;
    const prefix = step.key.slice(0, end + 2);
    const loop = ITERATION_PREFIX.exec(prefix)?.[1];
    if (loop === undefined) continue;
    const iterations = loops.get(loop) ?? loops.set(loop, new Map()).get(loop)!;
    const of = iterations.get(prefix);
    if (of) of.push(step);
    else iterations.set(prefix, [step]);
  }
  return loops;
}

/** The steps parked now: an open wait, approval or delay of a running test run, by node id. */
const parkedOf = (row: TestRun, steps: readonly StoredTestStep[]) =>
  new Map(row.status === 'RUNNING' ? steps.filter((step) => step.status === 'RUNNING').map((step) => [nodeIdOfKey(step.key), new Date(step.startedAt)]) : []);

/** The keys of the forEach steps around a step: `a[0].b[1].c` is inside `a[0].b` and `a`. */
function enclosingKeys(key: string): string[] {
  return [...key.matchAll(/([^.[\]]+)\[\d+\]\./g)].map((match) => key.slice(0, match.index + match[1]!.length));
}

/**
 * A failure that ended the test run where no step records it (a fail node records none, and a
 * forEach none when its body failed): failed steps at its key and at each forEach around it, so
 * the node that failed and the loops it failed show as failed rather than not reached.
 */
function failedPath(row: TestRun, steps: readonly StoredTestStep[]): StoredTestStep[] {
  const key = row.status === 'FAILED' ? (row.error as { node?: unknown } | null)?.node : undefined;
  if (typeof key !== 'string') return [];
  const recorded = new Set(steps.map((step) => step.key));
  const at = (row.finishedAt ?? new Date()).toISOString();
  return [...enclosingKeys(key), key]
    .filter((failed) => !recorded.has(failed))
    .map((failed) => ({ key: failed, nodeId: nodeIdOfKey(failed), status: 'FAILED', startedAt: at, finishedAt: at }));
}

/**
 * Each node's state over the whole draft, forEach bodies included (their nodes summed over their
 * iterations), and the edges taken: a body's edge is taken when any one iteration took it, which
 * the steps of each iteration, in the row already, tell apart.
 */
export function nodeStates(row: TestRun, recorded: readonly StoredTestStep[], now: Date) {
  const steps = [...recorded, ...failedPath(row, recorded)];
  const situation = { runStatus: row.status, aggregates: aggregate(steps), parked: parkedOf(row, steps), now };
  const iterations = stepsByIteration(steps);
  return deriveFlowStates(readDraft(row.definition, 'Test run').definition, situation, {
    iterationsOf: (forEachId) => iterations.get(forEachId)?.size ?? 0,
    takenInBody: (forEachId, body) => {
      const taken = new Set<string>();
      for (const of of iterations.get(forEachId)?.values() ?? []) {
        const inIteration = { runStatus: row.status, aggregates: aggregate(of), parked: parkedOf(row, of), now };
        for (const id of deriveNodeStates(body, inIteration).takenEdges) taken.add(id);
      }
      return body.edges.filter((edge) => taken.has(edge.id)).map((edge) => edge.id);
    },
  });
}

