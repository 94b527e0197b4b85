import type { ApprovalDecision, DeliveredEvent, RunEvent, RunFailureDetails, RunInput, RunResult, RunResume, SkippedDelay } from '@cascade/temporal/interpreter-contract';
import {
  DEFAULT_PORT,
  ERROR_PORT,
  evaluateExpression,
  evaluateExpressionDirectly,
  evaluateMapping,
  evaluateMappingDirectly,
  type ExpressionContext,
  type Mapping,
  type RunContext,
  type WorkflowNode,
} from '@cascade/workflow/runtime';
import { ActivityFailure, ApplicationFailure, CancellationScope, ContinueAsNew, continueAsNew, isCancellation, workflowInfo } from '@temporalio/workflow';
import type { StepCall } from '../../activities';
import { bookkeeping } from './activity-options';
import { executorOf, type Outcome, type RunState, type Scope } from './executors';
import { describeFailure, NodeFailed, RunFailed } from './failures';
import { Flow } from './flow';
import { MAX_BATCHED_STEPS, RunRecords } from './run-records';

const isoNow = () => new Date().toISOString();

/**
 * Executes one published workflow version (DESIGN.md §5) as Temporal workflow code: it walks the
 * graph from the trigger, evaluates expressions itself (they are pure) and leaves every side
 * effect to a local activity. Branches run concurrently; a join waits for the branches that can
 * still reach it (paths not taken are propagated to it as skipped); a failure goes to the node's
 * `error` port or fails the run. What each node does is its executor's (see executors/).
 */
export class Interpreter implements RunState {
  readonly run: RunContext;
  readonly temporalWorkflowId = workflowInfo().workflowId;
  /** INTERPRETER_REVISION when the run started: what this run does follows it (see there). */
  readonly revision: number;
  readonly vars: Record<string, unknown>;
  readonly records: RunRecords;
  readonly waits = new Map<string, RunEvent[]>();
  readonly decisions = new Map<string, ApprovalDecision | undefined>();
  readonly skippedDelays = new Set<string>();
  /** Live branches of the top level; continue-as-new happens only when one remains. */
  private branches = 1;
  private top: Scope | undefined;

  constructor(readonly input: RunInput) {
    const { run, definition, resume } = input;
    this.run = { id: run.id, workflowId: run.workflowId, workflowVersion: run.version, tenantId: run.tenantId, startedAt: resume?.startedAt ?? isoNow() };
    this.vars = resume ? { ...resume.vars } : { ...definition.variables, ...input.vars };
    this.records = new RunRecords(input, this.run, this.temporalWorkflowId);
    this.revision = input.revision ?? 0;
  }

  onEventDelivered({ waitId, event }: DeliveredEvent): void {
    this.waits.get(waitId)?.push(event);
  }

  onApprovalDecided(decision: ApprovalDecision): void {
    if (this.decisions.has(decision.taskId) && this.decisions.get(decision.taskId) === undefined) this.decisions.set(decision.taskId, decision);
  }

  /** Only a test run's delays can be skipped; a production run ignores the signal. */
  onDelaySkipped({ key }: SkippedDelay): void {
    if (this.input.test) this.skippedDelays.add(key);
  }

  async execute(): Promise<RunResult> {
    const { definition, resume } = this.input;
    try {
      const flow = Flow.topLevel(definition);
      const top: Scope = { flow, prefix: '', steps: { ...resume?.steps }, arrivals: new Map(Object.entries(resume?.arrivals ?? {})), top: true };
      this.top = top;
      if (resume) await this.walk(flow.node(resume.nodeId), top);
      else await this.enter(flow.entries, top);
      if (!this.records.closed) await bookkeeping.finishRun({ batch: this.records.take(), runId: this.run.id, status: 'COMPLETED' });
      return { vars: this.vars };
    } catch (error) {
      if (error instanceof ContinueAsNew) throw error;
      if (isCancellation(error)) {
        await CancellationScope.nonCancellable(() => bookkeeping.finishRun({ batch: this.records.take(), runId: this.run.id, status: 'CANCELLED' }));
        throw error;
      }
      const node = error instanceof RunFailed || error instanceof NodeFailed ? error.node : 'unknown';
      const { message, type } = describeFailure(error);
      await bookkeeping.finishRun({ batch: this.records.take(), runId: this.run.id, status: 'FAILED', error: { message, node } });
      const details: RunFailureDetails | undefined = this.top && { failedNode: node, resume: this.resumeAt(this.top, node.split('.')[0]!.replace(/\[\d+\]$/, '')) };
      throw ApplicationFailure.create({ message, type: error instanceof RunFailed ? 'RunFailed' : (type ?? 'NodeFailed'), nonRetryable: true, details: details ? [details] : [] });
    }
  }

  /** Starts a flow's branches at its entries. */
  async enter(entries: readonly string[], scope: Scope): Promise<void> {
    const ready: WorkflowNode[] = [];
    for (const entry of entries) this.reach(entry, scope, true, ready);
    if (ready.length === 1) await this.walk(ready[0]!, scope);
    else await Promise.all(ready.map((node) => this.walk(node, scope)));
  }

  /**
   * Runs a branch from `node`: straight on while each node leads to one next, in one loop; where
   * several nodes are ready at once, each continues as a branch of its own.
   */
  private async walk(node: WorkflowNode, scope: Scope): Promise<void> {
    let next: WorkflowNode | undefined = node;
    while (next) {
      const current: WorkflowNode = next;
      const port = await this.visit(current, scope);
      const taken = port === undefined ? [] : scope.flow.targets(current.id, port);
      if (scope.top) this.branches += taken.length - 1;
      const ready: WorkflowNode[] = [];
      for (const target of taken) this.reach(target, scope, true, ready);
      for (const target of scope.flow.targetsOtherThan(current.id, port)) this.reach(target, scope, false, ready);
      next = ready.length === 1 ? ready[0] : undefined;
      if (ready.length > 1) await Promise.all(ready.map((branch) => this.walk(branch, scope)));
    }
  }

  /**
   * Records that a branch reached a node (live) or that a path to it was not taken (skipped), and
   * adds what is to run now to `ready`: the node, when this arrival fires it, or further along, a
   * join that the skipped path completes.
   */
  private reach(nodeId: string, scope: Scope, live: boolean, ready: WorkflowNode[]): void {
    const node = scope.flow.node(nodeId);
    const state = scope.arrivals.get(nodeId) ?? { live: 0, skipped: 0, fired: false };
    scope.arrivals.set(nodeId, state);
    if (live) state.live++;
    else state.skipped++;
    const allArrived = state.live + state.skipped >= scope.flow.incomingCount(nodeId);
    const waitsForAll = node.type === 'join' && node.mode === 'all';
    const fire = !state.fired && (waitsForAll ? allArrived && state.live > 0 : live);
    if (fire) {
      state.fired = true;
      // A join completed by a skipped path continues the branch it absorbed earlier.
      if (!live && scope.top) this.branches++;
      ready.push(node);
      return;
    }
    if (live && scope.top) this.branches--;
    if (!state.fired && allArrived && state.live === 0) {
      state.fired = true;
      for (const target of scope.flow.targetsOtherThan(nodeId, undefined)) this.reach(target, scope, false, ready);
    }
  }

  /** Executes one node and records its step; answers the port the branch continues by. */
  private async visit(node: WorkflowNode, scope: Scope): Promise<string | undefined> {
    const key = scope.prefix + node.id;
    if (scope.top && this.historyIsLong()) await this.continueAsNewAt(scope, node.id);
    const startedAt = isoNow();
    let outcome: Outcome;
    try {
      const result = executorOf(node)(node, { scope, key, startedAt }, this);
      // Routing nodes answer at once: awaiting them would cost a promise on every path.
      outcome = 'then' in result ? await result : result;
      scope.steps[node.id] = { output: outcome.output ?? null };
      if (!outcome.recorded) {
        const { input, attempts } = outcome;
        this.records.add({ key, nodeId: node.id, status: 'COMPLETED', input, output: outcome.output ?? null, startedAt, finishedAt: isoNow(), ...(attempts ? { attempts } : {}) });
        if (this.revision >= 1 && this.records.size >= MAX_BATCHED_STEPS) await this.records.flush();
      }
    } catch (error) {
      if (error instanceof RunFailed || error instanceof ContinueAsNew || isCancellation(error)) throw error;
      const failure = describeFailure(error);
      // Activities write their own failed step; anything else failed in the workflow and is written here.
      if (!(error instanceof ActivityFailure)) {
        this.records.add({ key, nodeId: node.id, status: 'FAILED', error: failure, startedAt, finishedAt: isoNow() });
      }
      if (!scope.flow.hasPort(node.id, ERROR_PORT)) throw new NodeFailed(failure.message, error instanceof NodeFailed ? error.node : key, failure.type);
      scope.steps[node.id] = { error: failure };
      outcome = { port: ERROR_PORT };
    }
    return outcome.port;
  }

  private context(scope: Scope, event: RunEvent = this.input.event): ExpressionContext {
    return { event, steps: scope.steps, vars: this.vars, run: this.run };
  }

  /** Evaluates in the workflow: pure, with the workflow clock as `$now`, so replays agree. */
  evaluate(expression: string, scope: Scope, event?: RunEvent): Promise<unknown> {
    return evaluateExpression(expression, this.context(scope, event), { now: Date.now() });
  }

  map(mapping: Mapping, scope: Scope): Promise<unknown> {
    return evaluateMapping(mapping, this.context(scope), { now: Date.now() });
  }

  /**
   * `evaluate` and `map` at once, where the expressions are simple enough, else undefined: the
   * nodes that run on every path use these first, as `now(…) ?? { value: await later(…) }`,
   * because every promise in workflow code costs the SDK a captured stack trace.
   */
  evaluateNow(expression: string, scope: Scope): { value: unknown } | undefined {
    return evaluateExpressionDirectly(expression, this.context(scope), { now: Date.now() });
  }

  mapNow(mapping: Mapping, scope: Scope): { value: unknown } | undefined {
    return evaluateMappingDirectly(mapping, this.context(scope), { now: Date.now() });
  }

  /**
   * When a step leads only to `end` nodes and nothing else of the run is alive, its activity can
   * write those ends and close the run as it writes its own step, and the run needs no last
   * activity of its own. From interpreter revision 1; runs started before replay as they ran.
   */
  finishingSteps(node: WorkflowNode, scope: Scope): StepCall['finish'] {
    if (!scope.top || this.branches !== 1) return undefined;
    const targets = scope.flow.targets(node.id, DEFAULT_PORT);
    const endsOnly = targets.length > 0 && scope.flow.targetsOtherThan(node.id, DEFAULT_PORT).length === 0 && targets.every((id) => scope.flow.node(id).type === 'end');
    if (!endsOnly || this.revision < 1) return undefined;
    return targets.map((id) => ({ key: id, nodeId: id }));
  }

  private resumeAt(top: Scope, nodeId: string): RunResume {
    return { nodeId, steps: top.steps, vars: this.vars, startedAt: this.run.startedAt, arrivals: Object.fromEntries(top.arrivals) };
  }

  /** Whether the run should start afresh before its next top-level node: its history is long and no other branch is alive. */
  private historyIsLong(): boolean {
    if (this.records.closed || this.branches !== 1) return false;
    const info = workflowInfo();
    return info.continueAsNewSuggested || (this.input.historyLimit !== undefined && info.historyLength >= this.input.historyLimit);
  }

  private async continueAsNewAt(top: Scope, nodeId: string): Promise<never> {
    await this.records.flush();
    const resume = this.resumeAt(top, nodeId);
    return continueAsNew<(input: RunInput) => Promise<RunResult>>({ ...this.input, resume });
  }
}

