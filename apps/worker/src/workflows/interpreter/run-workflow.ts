import { RUN_SIGNALS, type ApprovalDecision, type DeliveredEvent, type RunInput, type RunResult } from '@cascade/temporal/runs';
import { defineSignal, setHandler } from '@temporalio/workflow';
import { Interpreter } from './interpreter';

export const deliverEventSignal = defineSignal<[DeliveredEvent]>(RUN_SIGNALS.deliverEvent);
export const decideApprovalSignal = defineSignal<[ApprovalDecision]>(RUN_SIGNALS.decideApproval);

/** The interpreter workflow: one run of one published workflow version. */
export async function runWorkflow(input: RunInput): Promise<RunResult> {
  const interpreter = new Interpreter(input);
  setHandler(deliverEventSignal, (delivered) => interpreter.onEventDelivered(delivered));
  setHandler(decideApprovalSignal, (decision) => interpreter.onApprovalDecided(decision));
  return interpreter.execute();
}
