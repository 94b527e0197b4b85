import { INTERPRETER_REVISION, RUN_SIGNALS, type ApprovalDecision, type DeliveredEvent, type RunInput, type RunResult, type SkippedDelay } from '@cascade/temporal/interpreter-contract';
import { defineSignal, setHandler } from '@temporalio/workflow';
import { Interpreter } from './interpreter';

export const deliverEventSignal = defineSignal<[DeliveredEvent]>(RUN_SIGNALS.deliverEvent);
export const decideApprovalSignal = defineSignal<[ApprovalDecision]>(RUN_SIGNALS.decideApproval);
export const skipDelaySignal = defineSignal<[SkippedDelay]>(RUN_SIGNALS.skipDelay);

/** The interpreter workflow: one run of one published workflow version. */
export async function runWorkflow(input: RunInput): Promise<RunResult> {
  if ((input.revision ?? 0) > INTERPRETER_REVISION) {
    // Thrown as a plain error, this fails the workflow task, not the run: Temporal retries the
    // task until a worker that knows the revision takes it.
    throw new Error(`The run was started under interpreter revision ${input.revision}; this worker knows revisions up to ${INTERPRETER_REVISION}`);
  }
  const interpreter = new Interpreter(input);
  setHandler(deliverEventSignal, (delivered) => interpreter.onEventDelivered(delivered));
  setHandler(decideApprovalSignal, (decision) => interpreter.onApprovalDecided(decision));
  setHandler(skipDelaySignal, (skipped) => interpreter.onDelaySkipped(skipped));
  return interpreter.execute();
}
