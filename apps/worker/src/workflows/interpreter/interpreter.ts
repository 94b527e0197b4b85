import type { ApprovalDecision, DeliveredEvent, RunEvent, RunFailureDetails, RunInput, RunResult, RunResume } from '@cascade/temporal/runs';
import {
  addBusinessTime,
  DEFAULT_PORT,
  ERROR_PORT,
  evaluateExpression,
  evaluateExpressionDirectly,
  evaluateMapping,
  evaluateMappingDirectly,
  isExpressionLeaf,
  isTruthy,
  nextBusinessInstant,
  parseDuration,
  type ExpressionContext,
  type Mapping,
  type NodeOf,
  type RunContext,
  type StepRecord,
  type WorkflowNode,
} from '@cascade/workflow/runtime';
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  ContinueAsNew,
  condition,
  continueAsNew,
  executeChild,
  isCancellation,
  proxyLocalActivities,
  sleep,
  uuid4,
  workflowInfo,
  type ActivityOptions,
  type LocalActivityOptions,
} from '@temporalio/workflow';
import type { RunActivities, StepCall } from '../../activities/runs';
import { correlationKey } from '../../runs/correlation';
import type { RecordBatch, StepWrite } from '../../runs/records';
import { Flow } from './flow';

/** Bookkeeping activities retry until the database is back: an outage must not fail a run. */
const bookkeeping = proxyLocalActivities<RunActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '1m' },
});

const DEFAULT_NODE_RETRY = { maximumAttempts: 3, initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' } as const;
const DEFAULT_NODE_TIMEOUT = '30s';
/** Steps batched before the run writes them anyway (revision 1), so a long loop shows progress and no batch grows without bound. */
export const MAX_BATCHED_STEPS = 100;
/** A forEach refuses more items than this: each iteration lives in the run's history. */
export const MAX_FOREACH_ITEMS = 1_000;

/** How a node ended: the port its run continues by, and what `steps.<id>.output` holds. */
interface Outcome {
  port: string | undefined;
  output?: unknown;
  /** The node's step was written by its own activity; otherwise it joins the next batch. */
  recorded?: boolean;
  /** What its activity was given and the attempts it took, when the step joins the batch. */
  input?: unknown;
  attempts?: number;
}

interface Arrivals {
  live: number;
  skipped: number;
  fired: boolean;
}

/** Where a walk is: the top level, or one iteration of a forEach body. */
interface Scope {
  flow: Flow;
  /** Prefix of step keys: '' at the top, `lines[2].` inside an iteration. */
  prefix: string;
  steps: Record<string, StepRecord>;
  arrivals: Map<string, Arrivals>;
  top: boolean;
}

/** A `fail` node: ends the run as failed; `error` ports do not catch it. */
class RunFailed extends Error {
  constructor(message: string, readonly node: string) {
    super(message);
  }
}

/** A node failed and nothing catches it: the error leaves its scope. */
class NodeFailed extends Error {
  constructor(message: string, readonly node: string, readonly type?: string) {
    super(message);
  }
}

const isoNow = () => new Date().toISOString();

/** Milliseconds of a duration the definition schema has already checked. */
function ms(duration: string | undefined): number {
  const value = duration === undefined ? undefined : parseDuration(duration);
  if (value === undefined) throw new Error(`${JSON.stringify(duration)} is not an ISO 8601 duration`);
  return value;
}

function describe(error: unknown): { message: string; type?: string } {
  if (error instanceof NodeFailed) return { message: error.message, type: error.type };
  // An activity's failure wraps the error its code threw; that one says what went wrong.
  const cause = error instanceof Error && error.cause instanceof ApplicationFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return { message: cause.message, type: cause.type ?? undefined };
  if (error instanceof Error) return { message: error.message, type: error.name };
  return { message: String(error) };
}

function retryOf(node: WorkflowNode): LocalActivityOptions['retry'] {
  if (!node.retry) return DEFAULT_NODE_RETRY;
  const { maxAttempts, initialInterval, backoff, maxInterval } = node.retry;
  return { maximumAttempts: maxAttempts, initialInterval: ms(initialInterval), backoffCoefficient: backoff, maximumInterval: ms(maxInterval) };
}

function effects(node: WorkflowNode) {
  const options: ActivityOptions & LocalActivityOptions = { startToCloseTimeout: node.timeout ? ms(node.timeout) : DEFAULT_NODE_TIMEOUT, retry: retryOf(node) };
  return proxyLocalActivities<RunActivities>(options);
}

/**
 * Executes one published workflow version (DESIGN.md §5) as Temporal workflow code: it walks the
 * graph from the trigger, evaluates expressions itself (they are pure) and leaves every side
 * effect to a local activity. Branches run concurrently; a join waits for the branches that can
 * still reach it (paths not taken are propagated to it as skipped); a failure goes to the node's
 * `error` port or fails the run.
 */
export class Interpreter {
  private readonly run: RunContext;
  private readonly temporalWorkflowId = workflowInfo().workflowId;
  /** INTERPRETER_REVISION when the run started: what this run does follows it (see there). */
  private readonly revision: number;
  private readonly vars: Record<string, unknown>;
  private readonly pending: StepWrite[] = [];
  private runRecorded: boolean;
  /** The run's row is closed already: the last step's activity closed it (see `finishingSteps`). */
  private closed = false;
  /** Live branches of the top level; continue-as-new happens only when one remains. */
  private branches = 1;
  private readonly waits = new Map<string, RunEvent[]>();
  private readonly decisions = new Map<string, ApprovalDecision | undefined>();
  private top: Scope | undefined;

  constructor(private readonly input: RunInput) {
    const { run, definition, resume } = input;
    this.run = { id: run.id, workflowId: run.workflowId, workflowVersion: run.version, tenantId: run.tenantId, startedAt: resume?.startedAt ?? isoNow() };
    this.vars = resume ? { ...resume.vars } : { ...definition.variables, ...input.vars };
    this.runRecorded = resume !== undefined;
    this.revision = input.revision ?? 0;
  }

  onEventDelivered({ waitId, event }: DeliveredEvent): void {
    this.waits.get(waitId)?.push(event);
  }

  onApprovalDecided(decision: ApprovalDecision): void {
    if (this.decisions.has(decision.taskId) && this.decisions.get(decision.taskId) === undefined) this.decisions.set(decision.taskId, decision);
  }

  async execute(): Promise<RunResult> {
    const { definition, resume } = this.input;
    try {
      const flow = Flow.topLevel(definition);
      const top: Scope = { flow, prefix: '', steps: { ...resume?.steps }, arrivals: new Map(Object.entries(resume?.arrivals ?? {})), top: true };
      this.top = top;
      if (resume) await this.walk(flow.node(resume.nodeId), top);
      else await this.enter(flow.entries, top);
      if (!this.closed) await bookkeeping.finishRun({ batch: this.takeBatch(), runId: this.run.id, status: 'COMPLETED' });
      return { vars: this.vars };
    } catch (error) {
      if (error instanceof ContinueAsNew) throw error;
      if (isCancellation(error)) {
        await CancellationScope.nonCancellable(() => bookkeeping.finishRun({ batch: this.takeBatch(), runId: this.run.id, status: 'CANCELLED' }));
        throw error;
      }
      const node = error instanceof RunFailed || error instanceof NodeFailed ? error.node : 'unknown';
      const { message, type } = describe(error);
      await bookkeeping.finishRun({ batch: this.takeBatch(), runId: this.run.id, status: 'FAILED', error: { message, node } });
      const details: RunFailureDetails | undefined = this.top && { failedNode: node, resume: this.resumeAt(this.top, node.split('.')[0]!.replace(/\[\d+\]$/, '')) };
      throw ApplicationFailure.create({ message, type: error instanceof RunFailed ? 'RunFailed' : (type ?? 'NodeFailed'), nonRetryable: true, details: details ? [details] : [] });
    }
  }

  /** Starts a flow's branches at its entries. */
  private async enter(entries: readonly string[], scope: Scope): Promise<void> {
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
      outcome = this.instantOutcome(node) ?? (await this.executeNode(node, scope, key, startedAt));
      scope.steps[node.id] = { output: outcome.output ?? null };
      if (!outcome.recorded) {
        const { input, attempts } = outcome;
        this.pending.push({ key, nodeId: node.id, status: 'COMPLETED', input, output: outcome.output ?? null, startedAt, finishedAt: isoNow(), ...(attempts ? { attempts } : {}) });
        if (this.revision >= 1 && this.pending.length >= MAX_BATCHED_STEPS) await this.flush();
      }
    } catch (error) {
      if (error instanceof RunFailed || error instanceof ContinueAsNew || isCancellation(error)) throw error;
      const failure = describe(error);
      // Activities write their own failed step; anything else failed in the workflow and is written here.
      if (!(error instanceof ActivityFailure)) {
        this.pending.push({ key, nodeId: node.id, status: 'FAILED', error: failure, startedAt, finishedAt: isoNow() });
      }
      if (!scope.flow.hasPort(node.id, ERROR_PORT)) throw new NodeFailed(failure.message, error instanceof NodeFailed ? error.node : key, failure.type);
      scope.steps[node.id] = { error: failure };
      outcome = { port: ERROR_PORT };
    }
    return outcome.port;
  }

  /** How a node that does nothing but route ends, without a promise (each costs the SDK a stack capture). */
  private instantOutcome(node: WorkflowNode): Outcome | undefined {
    switch (node.type) {
      case 'trigger':
        return { port: 'next', output: { eventId: this.input.event.id } };
      case 'parallel':
      case 'join':
        return { port: 'next' };
      case 'end':
        return { port: undefined, recorded: this.closed };
      default:
        return undefined;
    }
  }

  private async executeNode(node: WorkflowNode, scope: Scope, key: string, startedAt: string): Promise<Outcome> {
    switch (node.type) {
      case 'trigger':
      case 'parallel':
      case 'join':
      case 'end':
        return this.instantOutcome(node)!;
      case 'fail':
        throw new RunFailed(String(await this.evaluate(node.message, scope)), key);
      case 'condition': {
        const value = isTruthy((this.evaluateNow(node.expression, scope) ?? { value: await this.evaluate(node.expression, scope) }).value);
        return { port: value ? 'true' : 'false', output: value };
      }
      case 'switch': {
        for (const { port, expression } of node.cases) {
          if (isTruthy((this.evaluateNow(expression, scope) ?? { value: await this.evaluate(expression, scope) }).value)) return { port, output: port };
        }
        return { port: 'default', output: 'default' };
      }
      case 'setVariables': {
        const values = (this.mapNow(node.assign, scope) ?? { value: await this.map(node.assign, scope) }).value as Record<string, unknown>;
        Object.assign(this.vars, values);
        return { port: 'next', output: values };
      }
      case 'action': {
        const { value: input } = this.mapNow(node.input, scope) ?? { value: await this.map(node.input, scope) };
        const finish = this.finishingSteps(node, scope);
        const batch = this.takeBatch();
        const call = { batch, runId: this.run.id, tenantId: this.run.tenantId, step: { key, nodeId: node.id, input, startedAt }, ...(finish ? { finish } : {}), actionId: node.action, input };
        if (this.revision < 1) {
          const output = await effects(node).executeAction(call);
          this.runRecorded = true;
          return { port: 'next', output, recorded: true };
        }
        const { output, stepWritten, attempts } = await effects(node).callAction(call);
        if (stepWritten) {
          this.runRecorded = true;
          this.closed = finish !== undefined;
        } else {
          // Nothing was written: the batch waits for the run's next write, with this step.
          this.pending.unshift(...batch.steps);
        }
        return { port: 'next', output, recorded: stepWritten, input, attempts };
      }
      case 'emit': {
        const { value: data } = this.mapNow(node.data, scope) ?? { value: await this.map(node.data, scope) };
        const { event } = this.input;
        const finish = this.finishingSteps(node, scope);
        const output = await effects(node).emitEvent({
          batch: this.takeBatch(), runId: this.run.id, tenantId: this.run.tenantId,
          step: { key, nodeId: node.id, input: data, startedAt }, ...(finish ? { finish } : {}),
          type: node.event, ...(node.version === undefined ? {} : { version: node.version }), data, correlationId: event.correlationId ?? event.id,
          cause: { id: event.id, ...(this.input.causationDepth === undefined ? {} : { depth: this.input.causationDepth }) },
        });
        this.runRecorded = true;
        this.closed = finish !== undefined;
        return { port: 'next', output, recorded: true };
      }
      case 'delay':
        return this.delay(node, scope);
      case 'waitForEvent':
        return this.waitForEvent(node, scope, key, startedAt);
      case 'approval':
        return this.approval(node, scope, key, startedAt);
      case 'forEach':
        return { port: 'done', output: await this.forEach(node, scope) };
      case 'subWorkflow':
        return this.subWorkflow(node, scope, key);
    }
  }

  /** Waits a duration (counted in business hours when the node has a calendar) or until an instant. */
  private async delay(node: NodeOf<'delay'>, scope: Scope): Promise<Outcome> {
    let until: number;
    if (node.duration !== undefined) {
      until = node.calendar ? addBusinessTime(Date.now(), ms(node.duration), node.calendar) : Date.now() + ms(node.duration);
    } else {
      const value = await this.evaluate(node.until!, scope);
      until = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
      if (Number.isNaN(until)) throw new Error(`until gave ${JSON.stringify(value)}, not an ISO 8601 instant`);
      if (node.calendar) until = nextBusinessInstant(until, node.calendar);
    }
    if (until > Date.now()) {
      await this.flush();
      await sleep(until - Date.now());
    }
    return { port: 'next', output: { until: new Date(until).toISOString() } };
  }

  private async waitForEvent(node: NodeOf<'waitForEvent'>, scope: Scope, key: string, startedAt: string): Promise<Outcome> {
    const runSide = await this.evaluate(node.correlation.run, scope);
    if (runSide === undefined) throw new Error('correlation.run gave no value, so no event could ever match');
    const waitId = uuid4();
    const deadline = Date.now() + ms(node.timeout);
    const inbox: RunEvent[] = [];
    this.waits.set(waitId, inbox);
    const buffered = await bookkeeping.openWait({
      batch: this.takeBatch(), runId: this.run.id, tenantId: this.run.tenantId,
      step: { key, nodeId: node.id, startedAt }, waitId, temporalWorkflowId: this.temporalWorkflowId,
      eventType: node.event, correlation: { key: correlationKey(runSide), eventExpression: node.correlation.event },
      expiresAt: new Date(deadline).toISOString(),
    });
    this.runRecorded = true;
    inbox.unshift(...buffered);
    const seen = new Set<string>();
    const next = async (): Promise<RunEvent | undefined> => {
      for (let event = inbox.shift(); event; event = inbox.shift()) {
        if (seen.has(event.id)) continue;
        seen.add(event.id);
        if (!node.filter || isTruthy(await this.evaluate(node.filter, scope, event))) return event;
      }
      return undefined;
    };
    let received = await next();
    while (!received && Date.now() < deadline) {
      if (!(await condition(() => inbox.length > 0, deadline - Date.now()))) break;
      received = await next();
    }
    this.waits.delete(waitId);
    const output = received ?? null;
    this.pending.push({ key, nodeId: node.id, status: 'COMPLETED', output, startedAt, finishedAt: isoNow() });
    await bookkeeping.closeWait({ batch: this.takeBatch(), runId: this.run.id, waitId, deliveredEventId: received?.id ?? null });
    return { port: received ? 'received' : 'timeout', output, recorded: true };
  }

  private async approval(node: NodeOf<'approval'>, scope: Scope, key: string, startedAt: string): Promise<Outcome> {
    const taskId = uuid4();
    const deadline = Date.now() + ms(node.timeout);
    this.decisions.set(taskId, undefined);
    await bookkeeping.openApprovalTask({
      batch: this.takeBatch(), runId: this.run.id, tenantId: this.run.tenantId,
      step: { key, nodeId: node.id, startedAt }, taskId, temporalWorkflowId: this.temporalWorkflowId,
      title: node.title, assignees: await this.assignees(node.assignees, scope), formFields: node.formFields ?? [],
      dueAt: new Date(deadline).toISOString(),
    });
    this.runRecorded = true;
    const decided = () => this.decisions.get(taskId) !== undefined;
    if (node.escalation) {
      const after = ms(node.escalation.after);
      if (Date.now() + after < deadline && !(await condition(decided, after))) {
        await bookkeeping.escalateApprovalTask({ taskId, assignees: await this.assignees(node.escalation.assignees, scope) });
      }
    }
    if (!decided() && deadline > Date.now()) await condition(decided, deadline - Date.now());
    const decision = this.decisions.get(taskId);
    this.decisions.delete(taskId);
    if (!decision) {
      await bookkeeping.expireApprovalTask({ batch: this.takeBatch(), runId: this.run.id, taskId });
      return { port: 'timeout', output: { outcome: 'timeout' } };
    }
    const { outcome, data, decidedBy, comment } = decision;
    return { port: outcome, output: { outcome, data, decidedBy, ...(comment ? { comment } : {}) } };
  }

  private async forEach(node: NodeOf<'forEach'>, scope: Scope): Promise<unknown[]> {
    const value = await this.evaluate(node.items, scope);
    const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (items.length > MAX_FOREACH_ITEMS) throw new Error(`items gave ${items.length} items; a forEach takes at most ${MAX_FOREACH_ITEMS}`);
    const body = Flow.body(node);
    const results: unknown[] = new Array(items.length);
    let next = 0;
    const lane = async () => {
      while (next < items.length) {
        const index = next++;
        const iteration: Scope = {
          flow: body,
          prefix: `${scope.prefix}${node.id}[${index}].`,
          steps: { ...scope.steps, [node.id]: { item: items[index], index } },
          arrivals: new Map(),
          top: false,
        };
        await this.enter(body.entries, iteration);
        results[index] = Object.fromEntries(body.nodeIds().filter((id) => id in iteration.steps).map((id) => [id, iteration.steps[id]!.output ?? null]));
      }
    };
    await Promise.all(Array.from({ length: Math.min(node.concurrency, items.length) }, lane));
    return results;
  }

  private async subWorkflow(node: NodeOf<'subWorkflow'>, scope: Scope, key: string): Promise<Outcome> {
    const input = (await this.map(node.input, scope)) as Record<string, unknown>;
    const { versionId, definition, childRunId } = await bookkeeping.loadWorkflowVersion({
      tenantId: this.run.tenantId, workflowId: node.workflow, version: node.version, parent: { runId: this.run.id, key },
    });
    const child: RunInput = {
      run: { id: childRunId, tenantId: this.run.tenantId, workflowId: node.workflow, versionId, version: node.version, parentRunId: this.run.id },
      definition,
      event: this.input.event,
      // The child behaves as its parent started: the parent's replay must issue the same commands.
      revision: this.revision,
      ...(this.input.causationDepth === undefined ? {} : { causationDepth: this.input.causationDepth }),
      vars: input,
    };
    await this.flush();
    const result = await executeChild('runWorkflow', {
      workflowId: `${this.temporalWorkflowId}/${key}`,
      args: [child],
      ...(node.timeout ? { workflowExecutionTimeout: ms(node.timeout) } : {}),
    });
    return { port: 'next', output: (result as RunResult).vars };
  }

  private async assignees(list: NodeOf<'approval'>['assignees'], scope: Scope): Promise<string[]> {
    const resolved: string[] = [];
    for (const assignee of list) {
      const value = isExpressionLeaf(assignee) ? await this.evaluate(assignee.$expr, scope) : assignee;
      resolved.push(...(Array.isArray(value) ? value : [value]).filter((v) => v !== undefined && v !== null).map(String));
    }
    return resolved;
  }

  private context(scope: Scope, event: RunEvent = this.input.event): ExpressionContext {
    return { event, steps: scope.steps, vars: this.vars, run: this.run };
  }

  /** Evaluates in the workflow: pure, with the workflow clock as `$now`, so replays agree. */
  private evaluate(expression: string, scope: Scope, event?: RunEvent): Promise<unknown> {
    return evaluateExpression(expression, this.context(scope, event), { now: Date.now() });
  }

  private map(mapping: Mapping, scope: Scope): Promise<unknown> {
    return evaluateMapping(mapping, this.context(scope), { now: Date.now() });
  }

  /**
   * `evaluate` and `map` at once, where the expressions are simple enough, else undefined: the
   * nodes that run on every path use these first, as `now(…) ?? { value: await later(…) }`,
   * because every promise in workflow code costs the SDK a captured stack trace.
   */
  private evaluateNow(expression: string, scope: Scope): { value: unknown } | undefined {
    return evaluateExpressionDirectly(expression, this.context(scope), { now: Date.now() });
  }

  private mapNow(mapping: Mapping, scope: Scope): { value: unknown } | undefined {
    return evaluateMappingDirectly(mapping, this.context(scope), { now: Date.now() });
  }

  /**
   * When a step leads only to `end` nodes and nothing else of the run is alive, its activity can
   * write those ends and close the run as it writes its own step, and the run needs no last
   * activity of its own. From interpreter revision 1; runs started before replay as they ran.
   */
  private finishingSteps(node: WorkflowNode, scope: Scope): StepCall['finish'] {
    if (!scope.top || this.branches !== 1) return undefined;
    const targets = scope.flow.targets(node.id, DEFAULT_PORT);
    const endsOnly = targets.length > 0 && scope.flow.targetsOtherThan(node.id, DEFAULT_PORT).length === 0 && targets.every((id) => scope.flow.node(id).type === 'end');
    if (!endsOnly || this.revision < 1) return undefined;
    return targets.map((id) => ({ key: id, nodeId: id }));
  }

  /** Writes what is batched before the run waits a while, so the run's page shows where it is. */
  private async flush(): Promise<void> {
    if (this.runRecorded && this.pending.length === 0) return;
    await bookkeeping.writeRunRecords({ batch: this.takeBatch(), runId: this.run.id });
    this.runRecorded = true;
  }

  /** The records batched since the last activity, for the next one to write. */
  private takeBatch(): RecordBatch {
    const { run, event } = this.input;
    return {
      ...(this.runRecorded ? {} : { run: { ...run, temporalWorkflowId: this.temporalWorkflowId, eventId: event.id, startedAt: this.run.startedAt } }),
      steps: this.pending.splice(0),
    };
  }

  private resumeAt(top: Scope, nodeId: string): RunResume {
    return { nodeId, steps: top.steps, vars: this.vars, startedAt: this.run.startedAt, arrivals: Object.fromEntries(top.arrivals) };
  }

  /** Whether the run should start afresh before its next top-level node: its history is long and no other branch is alive. */
  private historyIsLong(): boolean {
    if (this.closed || this.branches !== 1) return false;
    const info = workflowInfo();
    return info.continueAsNewSuggested || (this.input.historyLimit !== undefined && info.historyLength >= this.input.historyLimit);
  }

  private async continueAsNewAt(top: Scope, nodeId: string): Promise<never> {
    await this.flush();
    const resume = this.resumeAt(top, nodeId);
    return continueAsNew<(input: RunInput) => Promise<RunResult>>({ ...this.input, resume });
  }
}
