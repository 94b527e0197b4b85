import type { StepStatus } from '@cascade/db';
import type { RunIdentity } from '@cascade/temporal';

/**
 * The run read model as the interpreter hands it to activities. Steps of nodes that run no
 * activity (conditions, variables, joins, …) are batched and written by the next activity the run
 * calls anyway, so a run pays for its read model without extra round trips. Type-only: workflow code imports it.
 */


export interface StepWrite {
  /** The node's place in the run: `lines[2].notify` inside a forEach, the node id elsewhere. */
  key: string;
  nodeId: string;
  status: StepStatus;
  attempts?: number;
  input?: unknown;
  output?: unknown;
  error?: { message: string; type?: string };
  startedAt: string;
  finishedAt?: string;
}

export interface RecordBatch {
  /** Present until the run row is known to exist: the first activity of a run creates it. */
  run?: RunIdentity & { temporalWorkflowId: string; eventId: string; startedAt: string };
  steps: StepWrite[];
}
