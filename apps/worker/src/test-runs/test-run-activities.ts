import { defaultCannedOutput, stubbedByDefault } from '@cascade/actions';
import type { StubSetting } from '@cascade/temporal/test-runs';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { actionContext, resolveAction, runAction, type ResolvedAction } from '../activities/action-runner';
import type { ActionResult, ExecuteActionCall } from '../activities/actions';
import type { OpenApprovalCall } from '../activities/approvals';
import type { EmitEventCall } from '../activities/emit';
import type { RunActivities } from '../activities/index';
import { createRecordActivities } from '../activities/records';
import { toFailure, type RunActivityDependencies, type StepCall } from '../activities/step-activity';
import type { OpenWaitCall } from '../activities/waits';
import type { RecordBatch } from '../run-records/records';
import { stableUuid } from '../run-records/stable-uuid';
import type { RunOutcome } from '../run-records/write-records';
import { writeTestRunRecords, type TestStepNote } from './test-run-records';

/**
 * The run activities of the test task queue: the same names and contracts as production's
 * (activities/index.ts), so the interpreter runs a draft unchanged, but each records into the
 * test run's row instead of acting. Side-effecting actions answer their canned output unless
 * allowed; emits are recorded, never published; waits and approvals are opened in the record
 * only, where the test panel answers them; nothing touches runs, waits, approval tasks or the log.
 */
export function createTestRunActivities(deps: RunActivityDependencies): RunActivities {
  const { db } = deps;
  const write = (runId: string, batch: RecordBatch, steps: Parameters<typeof writeTestRunRecords>[2] = [], outcome?: RunOutcome) =>
    writeTestRunRecords(db, runId, [...batch.steps, ...steps], outcome);

  /** Runs `effect` as the call's step, written COMPLETED with its output and note, or FAILED. */
  async function asTestStep<Output>(call: StepCall, effect: () => Promise<{ output: Output; note?: TestStepNote }>): Promise<Output> {
    const attempts = Context.current().info.attempt;
    try {
      const { output, note } = await effect();
      const finishedAt = new Date().toISOString();
      const ends = (call.finish ?? []).map((end) => ({ ...end, status: 'COMPLETED' as const, output: null, startedAt: finishedAt, finishedAt }));
      await write(call.runId, call.batch, [{ ...call.step, status: 'COMPLETED', attempts, output, finishedAt, ...note }, ...ends], call.finish ? { status: 'COMPLETED' } : undefined);
      return output;
    } catch (error) {
      const failure = toFailure(error, (value) => value);
      await write(call.runId, call.batch, [{ ...call.step, status: 'FAILED', attempts, error: { message: failure.message, type: failure.type ?? undefined }, finishedAt: new Date().toISOString() }]);
      throw failure;
    }
  }

  async function stubSetting(runId: string, nodeId: string): Promise<StubSetting | undefined> {
    const row = await db.testRun.findUnique({ where: { id: runId }, select: { stubs: true } });
    return (row?.stubs as Record<string, StubSetting> | null)?.[nodeId];
  }

  /** A stub still checks the input its action would get: the test shows a mapping the action refuses. */
  function checkInput(action: ResolvedAction, call: ExecuteActionCall): void {
    if (!action.handler) return;
    const parsed = action.handler.input.safeParse(call.input);
    if (parsed.success) return;
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`).join('; ');
    throw ApplicationFailure.nonRetryable(`Input of ${call.actionId} is invalid: ${issues}`, 'InvalidActionInput');
  }

  async function callAction(call: ExecuteActionCall): Promise<ActionResult> {
    const output = await asTestStep(call, async () => {
      const action = await resolveAction(db, call.actionId, call.tenantId);
      const setting = await stubSetting(call.runId, call.step.nodeId);
      const stubbed = setting ? setting.mode === 'stub' : stubbedByDefault(call.actionId, call.input);
      if (stubbed) {
        checkInput(action, call);
        const canned = setting?.mode === 'stub' ? setting.output : defaultCannedOutput(action.handler, action.remote?.outputSchema);
        return { output: canned, note: { stubbed: true } };
      }
      const secrets = deps.secrets.forTenant(call.tenantId);
      const context = actionContext(deps, call, `test:${call.runId}:${call.step.key}`, secrets);
      const output = secrets.redact(await runAction(action, call.actionId, call.input, context));
      return { output, note: setting?.mode === 'allow' ? { allowed: true } : {} };
    });
    return { output, stepWritten: true, attempts: Context.current().info.attempt };
  }

  return {
    ...createRecordActivities(deps),

    async writeRunRecords({ batch, runId }: { batch: RecordBatch; runId: string }): Promise<void> {
      await write(runId, batch);
    },

    async finishRun({ batch, runId, status, error }: { batch: RecordBatch; runId: string } & RunOutcome) {
      await write(runId, batch, [], { status, ...(error ? { error } : {}) });
    },

    async executeAction(call: ExecuteActionCall): Promise<unknown> {
      return (await callAction(call)).output;
    },

    callAction,

    /** Checked as ingestion would check it, and recorded; never published. */
    async emitEvent(call: EmitEventCall): Promise<{ eventId: string; duplicate: boolean }> {
      return asTestStep(call, async () => {
        const eventId = stableUuid(`${call.runId}:${call.step.key}`);
        const version = call.version === undefined ? {} : { version: call.version };
        const envelope = { id: eventId, type: call.type, ...version, source: 'cascade', data: call.data, causationId: call.cause.id, correlationId: call.correlationId };
        const checked = await deps.ingestion.check({ tenantId: call.tenantId, id: `test-run:${call.runId}`, namespaces: [] }, envelope, deps.ingestOptions);
        if (!('envelope' in checked)) {
          const fields = checked.errors.map((error) => `${error.path}: ${error.message}`).join('; ');
          throw ApplicationFailure.nonRetryable(`${call.type} would be refused: ${checked.detail}${fields ? ` (${fields})` : ''}`, 'EmitRefused');
        }
        return { output: { eventId, duplicate: false }, note: { emitted: { type: call.type, ...version, data: call.data } } };
      });
    },

    /** The wait is the test record's only: production events never reach it, the test panel answers it. */
    async openWait(call: OpenWaitCall) {
      const { key: correlationKey, eventExpression: correlationExpression } = call.correlation;
      const wait = { waitId: call.waitId, eventType: call.eventType, correlationKey, correlationExpression, expiresAt: call.expiresAt };
      await write(call.runId, call.batch, [{ ...call.step, status: 'RUNNING', wait }]);
      return [];
    },

    async closeWait({ batch, runId }: { batch: RecordBatch; runId: string; waitId: string; deliveredEventId: string | null }) {
      await write(runId, batch);
    },

    async openApprovalTask(call: OpenApprovalCall): Promise<void> {
      const approval = { taskId: call.taskId, title: call.title, assignees: call.assignees, formFields: call.formFields, dueAt: call.dueAt };
      await write(call.runId, call.batch, [{ ...call.step, status: 'RUNNING', approval }]);
    },

    async escalateApprovalTask(_escalation: { taskId: string; assignees: string[] }) {
      // Nobody is notified in a test run; the panel decides the approval.
    },

    async expireApprovalTask({ batch, runId }: { batch: RecordBatch; runId: string; taskId: string }) {
      await write(runId, batch);
    },
  };
}
