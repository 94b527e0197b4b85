import { ActionFailure, callRemoteAction, getActionHandler, type ActionContext } from '@cascade/actions/handlers';
import { toEnvelope, type Database } from '@cascade/db';
import { checkTenantSchema, type IngestOptions, type Ingestion } from '@cascade/ingestion';
import type { SecretStore } from '@cascade/secrets';
import type { Logger } from '@cascade/logger';
import type { RunEvent } from '@cascade/temporal';
import type { WorkflowDefinition } from '@cascade/workflow';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { eventCorrelationKey } from '../runs/correlation';
import type { RecordBatch, StepWrite } from '../runs/records';
import type { ActionServicesFor } from '../services/action-services';
import { stableUuid } from '../runs/stable-uuid';
import { writeRecords, type ActionExecution, type RunOutcome } from '../runs/write-records';

export interface RunActivityDependencies {
  db: Database;
  ingestion: Ingestion;
  ingestOptions: IngestOptions;
  logger: Logger;
  services: ActionServicesFor;
  secrets: SecretStore;
  /** How far back a waitForEvent looks for an event that arrived before the run reached it. */
  eventBufferMs: number;
}

export interface StepCall {
  batch: RecordBatch;
  runId: string;
  tenantId: string;
  /** The step this call performs, written COMPLETED or FAILED with its outcome. */
  step: Omit<StepWrite, 'status' | 'finishedAt' | 'output' | 'error' | 'attempts'>;
  /**
   * The `end` nodes that follow when this step is the run's last: once it succeeds, the same
   * statement writes them and closes the run COMPLETED.
   */
  finish?: Array<{ key: string; nodeId: string }>;
}

export interface ExecuteActionCall extends StepCall {
  actionId: string;
  input: unknown;
}

/** What `callAction` answers: the output, and whether it wrote the step (else the caller batches it). */
export interface ActionResult {
  output: unknown;
  stepWritten: boolean;
  attempts: number;
}

export interface EmitEventCall extends StepCall {
  type: string;
  /** Pinned at publish; absent in definitions published before emit nodes named one, which emit version 1. */
  version?: number;
  data: unknown;
  /** The event that caused this one (the run's trigger), and its causation depth when the run knows it. */
  cause: { id: string; depth?: number };
  correlationId: string;
}

export interface OpenWaitCall extends StepCall {
  waitId: string;
  temporalWorkflowId: string;
  eventType: string;
  correlation: { key: string; eventExpression: string };
  expiresAt: string;
}

export interface OpenApprovalCall extends StepCall {
  taskId: string;
  temporalWorkflowId: string;
  title: string;
  assignees: string[];
  formFields: unknown[];
  dueAt: string;
}

/**
 * The failure an activity reports, with revealed secrets taken out of its message (it lands in
 * the step record and in Temporal's history). An action says whether trying again can help.
 */
function toFailure(error: unknown, redact: (value: unknown) => unknown): ApplicationFailure {
  const text = redact(error instanceof Error ? error.message : String(error)) as string;
  if (error instanceof ApplicationFailure) return ApplicationFailure.create({ message: text, type: error.type ?? undefined, nonRetryable: error.nonRetryable ?? undefined });
  if (error instanceof ActionFailure) return ApplicationFailure.create({ message: text, type: 'ActionFailed', nonRetryable: !error.retryable });
  return ApplicationFailure.create({ message: text, type: error instanceof Error ? error.name : 'Error' });
}

/** `amount: must be number; lines.0.sku: …`; JSON Schema paths arrive as pointers under /example. */
const issuesText = (issues: ReadonlyArray<{ path: string; message: string }>) =>
  issues.map((issue) => `${issue.path.replace(/^\/example\/?/, '').replaceAll('/', '.') || '(input)'}: ${issue.message}`).join('; ');

/**
 * The run's side effects. Each is a local activity (DESIGN.md §8): it writes the records the
 * workflow batched, does its one effect, and writes its own step, so the read model costs no
 * extra round trip. All are idempotent under retry: steps upsert by key, actions dedupe by
 * idempotency key, emitted events by their id.
 */
export function createRunActivities(deps: RunActivityDependencies) {
  const { db } = deps;

  /**
   * Runs `effect` as the call's step: the step row says COMPLETED with the output, or FAILED with
   * the error and attempt. An effect that returns `execution` has it recorded with its step.
   */
  async function asStep<Output>(
    call: StepCall,
    effect: () => Promise<{ output: Output; execution?: ActionExecution }>,
    { redact = (value: unknown) => value, leaveStep = false }: { redact?: (value: unknown) => unknown; leaveStep?: boolean } = {},
  ): Promise<{ output: Output; stepWritten: boolean; attempts: number }> {
    // The batched records and this step's outcome are written together, in one statement, after the effect.
    const write = (steps: StepWrite[], extra?: Parameters<typeof writeRecords>[3]) =>
      writeRecords(db, { ...call.batch, steps: [...call.batch.steps, ...steps] }, call.runId, extra);
    const attempts = Context.current().info.attempt;
    try {
      const { output, execution } = await effect();
      // A step that changed nothing outside the run can wait for the run's next write (not a closing one).
      if (leaveStep && !execution && !call.finish) return { output, stepWritten: false, attempts };
      const finishedAt = new Date().toISOString();
      const ends = (call.finish ?? []).map((end): StepWrite => ({ ...end, status: 'COMPLETED', output: null, startedAt: finishedAt, finishedAt }));
      await write([{ ...call.step, status: 'COMPLETED', attempts, output, finishedAt }, ...ends], {
        ...(call.finish ? { outcome: { status: 'COMPLETED' } } : {}),
        ...(execution ? { execution } : {}),
      });
      return { output, stepWritten: true, attempts };
    } catch (error) {
      const failure = toFailure(error, redact);
      await write([{ ...call.step, status: 'FAILED', attempts, error: { message: failure.message, type: failure.type ?? undefined }, finishedAt: new Date().toISOString() }]);
      throw failure;
    }
  }

  /** Runs a built-in action, or else the tenant's remote action of that id; input and output checked against their schemas. */
  async function runAction(actionId: string, rawInput: unknown, context: ActionContext): Promise<unknown> {
    const handler = getActionHandler(actionId);
    if (handler) {
      const input = handler.input.safeParse(rawInput);
      if (!input.success) {
        const issues = input.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw ApplicationFailure.nonRetryable(`Input of ${actionId} is invalid: ${issuesText(issues)}`, 'InvalidActionInput');
      }
      return handler.output.parse(await handler.run(input.data, context)) as unknown;
    }
    const remote = await db.remoteAction.findUnique({ where: { tenantId_actionId: { tenantId: context.tenantId, actionId } } });
    if (!remote) throw ApplicationFailure.nonRetryable(`Unknown action ${actionId}: neither built in nor registered by this tenant`, 'UnknownAction');
    const inputIssues = checkTenantSchema(remote.inputSchema, rawInput);
    if (inputIssues.length) throw ApplicationFailure.nonRetryable(`Input of ${actionId} is invalid: ${issuesText(inputIssues)}`, 'InvalidActionInput');
    const output = await callRemoteAction(remote, rawInput, context);
    const outputIssues = checkTenantSchema(remote.outputSchema, output);
    if (outputIssues.length) throw ApplicationFailure.nonRetryable(`${actionId} answered an output its schema refuses: ${issuesText(outputIssues)}`, 'InvalidActionOutput');
    return output;
  }

  /** An action as the call's step; with `leaveStep`, the step of one without side effects is left to the caller. */
  async function performAction(call: ExecuteActionCall, leaveStep: boolean): Promise<ActionResult> {
    const secrets = deps.secrets.forTenant(call.tenantId);
    // Built-in actions say whether they have side effects; a tenant's remote action may always have.
    const recorded = getActionHandler(call.actionId)?.sideEffects ?? true;
    return asStep(call, async () => {
      const idempotencyKey = `${call.runId}:${call.step.key}`;
      const done = recorded ? await db.actionExecution.findUnique({ where: { idempotencyKey } }) : null;
      if (done) return { output: done.output };
      const log = deps.logger.child({ runId: call.runId, node: call.step.key, action: call.actionId });
      const context: ActionContext = {
        tenantId: call.tenantId,
        runId: call.runId,
        idempotencyKey,
        signal: Context.current().cancellationSignal,
        log: (text, fields) => log.info(secrets.redact(fields ?? {}) as object, secrets.redact(text) as string),
        secrets,
        services: deps.services({ tenantId: call.tenantId, runId: call.runId }),
      };
      const output = secrets.redact(await runAction(call.actionId, call.input, context));
      return { output, ...(recorded ? { execution: { idempotencyKey, tenantId: call.tenantId, actionId: call.actionId, output } } : {}) };
    }, { redact: secrets.redact, leaveStep: leaveStep && !recorded });
  }

  return {
    async writeRunRecords({ batch, runId }: { batch: RecordBatch; runId: string }): Promise<void> {
      await writeRecords(db, batch, runId);
    },

    /** Runs of interpreter revision 0: the step is always written here, and the output is the result. */
    async executeAction(call: ExecuteActionCall): Promise<unknown> {
      return (await performAction(call, false)).output;
    },

    /**
     * From interpreter revision 1: an action without side effects whose step does not close the
     * run leaves its step (and the batch) to the run's next write, so it costs no statement.
     */
    async callAction(call: ExecuteActionCall): Promise<ActionResult> {
      return performAction(call, true);
    },

    async emitEvent(call: EmitEventCall): Promise<{ eventId: string; duplicate: boolean }> {
      const { output } = await asStep(call, async () => {
        const publisher = { tenantId: call.tenantId, id: `run:${call.runId}`, namespaces: [] };
        // The id follows from the step, so a retried or re-executed emit is a duplicate, not a second event.
        const eventId = stableUuid(`${call.runId}:${call.step.key}`);
        const { cause } = call;
        const envelope = { id: eventId, type: call.type, ...(call.version === undefined ? {} : { version: call.version }), source: 'cascade', data: call.data, causationId: cause.id, correlationId: call.correlationId };
        const knownDepths = cause.depth === undefined ? undefined : new Map([[cause.id, cause.depth]]);
        const result = await deps.ingestion.ingest(publisher, [envelope], { ...deps.ingestOptions, ...(knownDepths ? { knownDepths } : {}) });
        const [rejected] = result.rejected;
        if (rejected) {
          const fields = rejected.errors.map((error) => `${error.path}: ${error.message}`).join('; ');
          throw ApplicationFailure.nonRetryable(`${call.type} was refused: ${rejected.detail}${fields ? ` (${fields})` : ''}`, 'EmitRefused');
        }
        return { output: { eventId, duplicate: result.accepted[0]!.duplicate } };
      });
      return output;
    },

    async finishRun({ batch, runId, status, error }: { batch: RecordBatch; runId: string } & RunOutcome) {
      await writeRecords(db, batch, runId, { outcome: { status, ...(error ? { error } : {}) } });
    },

    /**
     * Opens the wait the dispatcher signals, then returns events of the type that arrived within
     * the buffer window and match the correlation. In this order, an event is either committed
     * before the wait (found here) or dispatched after it (signalled); sometimes both, and the
     * workflow takes the first.
     */
    async openWait(call: OpenWaitCall): Promise<RunEvent[]> {
      await writeRecords(db, call.batch, call.runId);
      await db.wait.upsert({
        where: { id: call.waitId },
        update: {},
        create: {
          id: call.waitId,
          tenantId: call.tenantId,
          runId: call.runId,
          temporalWorkflowId: call.temporalWorkflowId,
          nodeKey: call.step.key,
          eventType: call.eventType,
          correlationKey: call.correlation.key,
          correlationExpr: call.correlation.eventExpression,
          expiresAt: new Date(call.expiresAt),
        },
      });
      const recent = await db.event.findMany({
        where: { tenantId: call.tenantId, type: call.eventType, receivedAt: { gte: new Date(Date.now() - deps.eventBufferMs) } },
        orderBy: { receivedAt: 'asc' },
        take: 500,
      });
      const matching: RunEvent[] = [];
      for (const envelope of recent.map(toEnvelope)) {
        if ((await eventCorrelationKey(call.correlation.eventExpression, envelope)) === call.correlation.key) matching.push(envelope);
      }
      return matching;
    },

    async closeWait({ batch, runId, waitId, deliveredEventId }: { batch: RecordBatch; runId: string; waitId: string; deliveredEventId: string | null }) {
      await writeRecords(db, batch, runId);
      await db.wait.update({ where: { id: waitId }, data: { closedAt: new Date(), deliveredEventId } });
    },

    async openApprovalTask(call: OpenApprovalCall): Promise<void> {
      await writeRecords(db, call.batch, call.runId);
      await db.approvalTask.upsert({
        where: { id: call.taskId },
        update: {},
        create: {
          id: call.taskId,
          tenantId: call.tenantId,
          runId: call.runId,
          temporalWorkflowId: call.temporalWorkflowId,
          nodeKey: call.step.key,
          title: call.title,
          assignees: call.assignees,
          formFields: call.formFields as object[],
          dueAt: new Date(call.dueAt),
        },
      });
    },

    async escalateApprovalTask({ taskId, assignees }: { taskId: string; assignees: string[] }) {
      await db.approvalTask.updateMany({ where: { id: taskId, status: 'PENDING' }, data: { assignees, escalatedAt: new Date() } });
    },

    async expireApprovalTask({ batch, runId, taskId }: { batch: RecordBatch; runId: string; taskId: string }) {
      await writeRecords(db, batch, runId);
      await db.approvalTask.updateMany({ where: { id: taskId, status: 'PENDING' }, data: { status: 'TIMED_OUT', decidedAt: new Date() } });
    },

    /**
     * The pinned version a subWorkflow node starts, and the child run's id, which follows from
     * the parent run and the node so a retried parent's child keeps its idempotency keys.
     */
    async loadWorkflowVersion({ tenantId, workflowId, version, parent }: { tenantId: string; workflowId: string; version: number; parent: { runId: string; key: string } }) {
      const row = await db.workflowVersion.findFirst({ where: { tenantId, workflowId, version } });
      if (!row) throw ApplicationFailure.nonRetryable(`Workflow ${workflowId} has no published version ${version}`, 'UnknownWorkflowVersion');
      return { versionId: row.id, definition: row.definition as unknown as WorkflowDefinition, childRunId: stableUuid(`${parent.runId}:${parent.key}`) };
    },
  };
}

export type RunActivities = ReturnType<typeof createRunActivities>;
