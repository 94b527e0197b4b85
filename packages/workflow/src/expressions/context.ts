/** The run an expression is evaluated in, as `run.<field>` shows it. */
export interface RunContext {
  id: string;
  workflowId: string;
  workflowVersion: number;
  tenantId: string;
  /** ISO 8601 instant the run started. */
  startedAt: string;
}

export const RUN_FIELDS = ['id', 'workflowId', 'workflowVersion', 'tenantId', 'startedAt'] as const satisfies ReadonlyArray<keyof RunContext>;

/** The envelope fields of `event` (DESIGN.md §3); `data` is the payload the catalog describes. */
export const ENVELOPE_FIELDS = [
  'id', 'type', 'version', 'timestamp', 'source', 'tenantId', 'correlationId', 'causationId', 'actor', 'data', 'metadata',
] as const;

/** What `steps.<nodeId>` holds for a node that has run. */
export interface StepRecord {
  /** What the node produced: an action's output, the received event of a waitForEvent, … */
  output?: unknown;
  /** Why it failed, for the nodes reached through its `error` port. */
  error?: { message: string; type?: string };
  /** Inside a forEach body, `steps.<forEachId>` holds the current item and its position. */
  item?: unknown;
  index?: number;
}

export const STEP_FIELDS = ['output', 'error'] as const satisfies ReadonlyArray<keyof StepRecord>;
export const ITERATION_FIELDS = ['item', 'index'] as const satisfies ReadonlyArray<keyof StepRecord>;

/**
 * Everything an expression can read (DESIGN.md §5): `event` the triggering envelope (or, in a
 * waitForEvent's filter and correlation, the awaited one), `steps.<nodeId>` what finished nodes
 * recorded (`output`, or `error` after a failure), `vars` the run variables, `run` the run itself.
 * A trigger filter is evaluated before any run exists, so it is given `event` alone.
 */
export interface ExpressionContext {
  event?: unknown;
  steps?: Record<string, StepRecord>;
  vars?: Record<string, unknown>;
  run?: RunContext;
}

export const CONTEXT_ROOTS = ['event', 'steps', 'vars', 'run'] as const satisfies ReadonlyArray<keyof ExpressionContext>;
export type ContextRoot = (typeof CONTEXT_ROOTS)[number];
