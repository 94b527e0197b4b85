import type { Database } from '@cascade/db';
import type { IngestOptions, Ingestion } from '@cascade/ingestion';
import type { Logger } from '@cascade/logger';
import type { SecretStore } from '@cascade/secrets';
import { ActionFailure } from '@cascade/actions/handlers';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { stepDuration } from '../metrics';
import type { RecordBatch, StepWrite } from '../run-records/records';
import type { ActionServicesFor } from '../services/action-services';
import { writeRecords, type ActionExecution } from '../run-records/write-records';

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

/**
 * The failure an activity reports, with revealed secrets taken out of its message (it lands in
 * the step record and in Temporal's history). An action says whether trying again can help.
 */
export function toFailure(error: unknown, redact: (value: unknown) => unknown): ApplicationFailure {
  const text = redact(error instanceof Error ? error.message : String(error)) as string;
  if (error instanceof ApplicationFailure) return ApplicationFailure.create({ message: text, type: error.type ?? undefined, nonRetryable: error.nonRetryable ?? undefined });
  if (error instanceof ActionFailure) return ApplicationFailure.create({ message: text, type: 'ActionFailed', nonRetryable: !error.retryable });
  return ApplicationFailure.create({ message: text, type: error instanceof Error ? error.name : 'Error' });
}

/** What `asStep` answers: the effect's output, whether the step was written, and the attempt it took. */
export interface StepResult<Output> {
  output: Output;
  stepWritten: boolean;
  attempts: number;
}

export interface StepOptions {
  /** Takes revealed secrets out of a failure's message. */
  redact?: (value: unknown) => unknown;
  /** A step without side effects that does not close the run is left to the run's next write. */
  leaveStep?: boolean;
  /** The action's id, for the step-duration metric; empty for steps that run no action. */
  action?: string;
}

/**
 * Runs `effect` as the call's step: the step row says COMPLETED with the output, or FAILED with
 * the error and attempt. An effect that returns `execution` has it recorded with its step.
 */
export async function asStep<Output>(
  db: Database,
  call: StepCall,
  effect: () => Promise<{ output: Output; execution?: ActionExecution }>,
  { redact = (value: unknown) => value, leaveStep = false, action = '' }: StepOptions = {},
): Promise<StepResult<Output>> {
  const startedAt = performance.now();
  const { activityType, attempt: attempts } = Context.current().info;
  const observe = (outcome: 'completed' | 'failed') =>
    stepDuration.observe({ activity: activityType, action, outcome }, (performance.now() - startedAt) / 1000);
  // The batched records and this step's outcome are written together, in one statement, after the effect.
  const write = (steps: StepWrite[], extra?: Parameters<typeof writeRecords>[3]) =>
    writeRecords(db, { ...call.batch, steps: [...call.batch.steps, ...steps] }, call.runId, extra);
  try {
    const { output, execution } = await effect();
    // A step that changed nothing outside the run can wait for the run's next write (not a closing one).
    if (leaveStep && !execution && !call.finish) {
      observe('completed');
      return { output, stepWritten: false, attempts };
    }
    const finishedAt = new Date().toISOString();
    const ends = (call.finish ?? []).map((end): StepWrite => ({ ...end, status: 'COMPLETED', output: null, startedAt: finishedAt, finishedAt }));
    await write([{ ...call.step, status: 'COMPLETED', attempts, output, finishedAt }, ...ends], {
      ...(call.finish ? { outcome: { status: 'COMPLETED' } } : {}),
      ...(execution ? { execution } : {}),
    });
    observe('completed');
    return { output, stepWritten: true, attempts };
  } catch (error) {
    const failure = toFailure(error, redact);
    await write([{ ...call.step, status: 'FAILED', attempts, error: { message: failure.message, type: failure.type ?? undefined }, finishedAt: new Date().toISOString() }]);
    observe('failed');
    throw failure;
  }
}
