import type { StoredEnvelope } from '@cascade/db';
import type { StepRecord, WorkflowDefinition } from '@cascade/workflow';

/**
 * The contract between whoever starts, signals or inspects a run (dispatcher, API) and the
 * interpreter workflow that executes it. Type-only imports keep it safe for workflow code.
 */

/** The triggering event as `event` shows it in expressions: the stored envelope (DESIGN.md §3). */
export type RunEvent = StoredEnvelope;

export interface RunIdentity {
  id: string;
  tenantId: string;
  workflowId: string;
  versionId: string;
  version: number;
  /** Set when a subWorkflow node started this run. */
  parentRunId?: string;
}

/** Where a run picks up again after continue-as-new or a retry from its failed step. */
export interface RunResume {
  /** Key of the node to execute next, in the top-level flow. */
  nodeId: string;
  steps: Record<string, StepRecord>;
  vars: Record<string, unknown>;
  startedAt: string;
  /** Which branches have reached which top-level nodes, so joins keep counting. */
  arrivals?: Record<string, { live: number; skipped: number; fired: boolean }>;
}

/**
 * The interpreter's behaviour revision. A change to the commands a run issues (which running
 * workflows would meet on replay as nondeterminism) bumps it, and the interpreter keys the change
 * off the revision in the run's input, so every run keeps the behaviour it started with. Cheaper
 * than `patched()`, which costs each run a marker and a search-attribute update.
 *
 * 1. A run's last action or emit closes the run; no finishing activity of its own. An action
 *    without side effects (`callAction`) leaves its step to the run's next write, and a run writes
 *    its batch once it holds MAX_BATCHED_STEPS steps.
 */
export const INTERPRETER_REVISION = 1;

export interface RunInput {
  run: RunIdentity;
  /** INTERPRETER_REVISION when the run started; absent in runs started before revisions (0). */
  revision?: number;
  /** The published version's definition, pinned for the run's whole life. */
  definition: WorkflowDefinition;
  event: RunEvent;
  /**
   * How deep `event` is in its causation chain, so what the run emits is one deeper without a
   * lookup. Absent in runs started before it was passed: then ingestion looks it up.
   */
  causationDepth?: number;
  /** Initial variables beyond the definition's own (a subWorkflow's input). */
  vars?: Record<string, unknown>;
  resume?: RunResume;
  /** Continue-as-new once history holds this many events (default: when Temporal suggests it). */
  historyLimit?: number;
  /**
   * A test run of a draft (test-runs.ts): its delays can be skipped by signal. Everything else
   * that sets it apart is the test task queue's activities, which record instead of acting.
   */
  test?: true;
}

export interface RunResult {
  vars: Record<string, unknown>;
}

/** What a run that failed left behind, so a retry can start again at the failed node. */
export interface RunFailureDetails {
  failedNode: string;
  resume: RunResume;
}

export const RUN_SIGNALS = {
  /** An event a waitForEvent node of the run waits for: `DeliveredEvent`. */
  deliverEvent: 'deliverEvent',
  /** A decision on one of the run's approval tasks: `ApprovalDecision`. */
  decideApproval: 'decideApproval',
  /** A test run's delay to end now: `SkippedDelay`. Production runs ignore it. */
  skipDelay: 'skipDelay',
} as const;

export interface SkippedDelay {
  /** The delay's step key. */
  key: string;
}

export interface DeliveredEvent {
  waitId: string;
  event: RunEvent;
}

export interface ApprovalDecision {
  taskId: string;
  outcome: 'approved' | 'rejected';
  data: Record<string, unknown>;
  decidedBy: string;
  comment?: string;
}

/** One Temporal workflow per (workflow, event): a redelivered event cannot start a second run. */
export function runWorkflowId(workflowId: string, eventId: string): string {
  return `run:${workflowId}:${eventId}`;
}
