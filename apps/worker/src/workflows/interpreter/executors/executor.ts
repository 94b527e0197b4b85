import type { ApprovalDecision, RunEvent, RunInput } from '@cascade/temporal/interpreter-contract';
import type { Mapping, RunContext, StepRecord, WorkflowNode } from '@cascade/workflow/runtime';
import type { StepCall } from '../../../activities';
import type { Flow } from '../flow';
import type { RunRecords } from '../run-records';

/** How a node ended: the port its run continues by, and what `steps.<id>.output` holds. */
export interface Outcome {
  port: string | undefined;
  output?: unknown;
  /** The node's step was written by its own activity; otherwise it joins the next batch. */
  recorded?: boolean;
  /** What its activity was given and the attempts it took, when the step joins the batch. */
  input?: unknown;
  attempts?: number;
}

export interface Arrivals {
  live: number;
  skipped: number;
  fired: boolean;
}

/** Where a walk is: the top level, or one iteration of a forEach body. */
export interface Scope {
  flow: Flow;
  /** Prefix of step keys: '' at the top, `lines[2].` inside an iteration. */
  prefix: string;
  steps: Record<string, StepRecord>;
  arrivals: Map<string, Arrivals>;
  top: boolean;
}

/** The step a node is executing as: its scope, its key in the run, when it started. */
export interface Step {
  scope: Scope;
  key: string;
  startedAt: string;
}

/** What executors see of the run: its input and state, and the interpreter's evaluation and walking. */
export interface RunState {
  readonly input: RunInput;
  readonly run: RunContext;
  /** INTERPRETER_REVISION when the run started: what this run does follows it. */
  readonly revision: number;
  readonly vars: Record<string, unknown>;
  readonly temporalWorkflowId: string;
  readonly records: RunRecords;
  /** Events delivered to each open wait, by wait id. */
  readonly waits: Map<string, RunEvent[]>;
  /** Each open approval task's decision, undefined until it comes. */
  readonly decisions: Map<string, ApprovalDecision | undefined>;
  /** Step keys of delays a test run was told to skip. */
  readonly skippedDelays: Set<string>;
  /** Evaluates in the workflow: pure, with the workflow clock as `$now`, so replays agree. */
  evaluate(expression: string, scope: Scope, event?: RunEvent): Promise<unknown>;
  map(mapping: Mapping, scope: Scope): Promise<unknown>;
  /** `evaluate` and `map` at once where the expressions are simple enough, else undefined (see the interpreter). */
  evaluateNow(expression: string, scope: Scope): { value: unknown } | undefined;
  mapNow(mapping: Mapping, scope: Scope): { value: unknown } | undefined;
  /** The `end` steps the node's activity may write as it closes the run, when it is the run's last. */
  finishingSteps(node: WorkflowNode, scope: Scope): StepCall['finish'];
  /** Starts a flow's branches at its entries, in `scope`, and waits for them. */
  enter(entries: readonly string[], scope: Scope): Promise<void>;
}

/**
 * Executes one node type. Nodes that only route answer at once, without a promise (each costs the
 * SDK a captured stack); the others are async.
 */
export type Executor<Node extends WorkflowNode> = (node: Node, step: Step, run: RunState) => Outcome | Promise<Outcome>;
