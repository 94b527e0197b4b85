import type { RunInput } from '@cascade/temporal/interpreter-contract';
import type { RunContext } from '@cascade/workflow/runtime';
import type { RecordBatch, StepWrite } from '../../run-records/records';
import { bookkeeping } from './activity-options';

/** Steps batched before the run writes them anyway (revision 1), so a long loop shows progress and no batch grows without bound. */
export const MAX_BATCHED_STEPS = 100;

/**
 * The run's read model on its way to the database: steps of nodes that run no activity wait here
 * and travel with the run's next activity, so a run pays for its read model without extra round trips.
 */
export class RunRecords {
  private readonly pending: StepWrite[] = [];
  /** The run's row exists: some activity has written it. */
  recorded: boolean;
  /** The run's row is closed already: the last step's activity closed it (see `finishingSteps`). */
  closed = false;

  constructor(
    private readonly input: RunInput,
    private readonly run: RunContext,
    private readonly temporalWorkflowId: string,
  ) {
    this.recorded = input.resume !== undefined;
  }

  get size(): number {
    return this.pending.length;
  }

  add(step: StepWrite): void {
    this.pending.push(step);
  }

  /** Steps an activity took but did not write: they wait for the run's next write. */
  putBack(steps: StepWrite[]): void {
    this.pending.unshift(...steps);
  }

  /** The records batched since the last activity, for the next one to write. */
  take(): RecordBatch {
    const { run, event } = this.input;
    return {
      ...(this.recorded ? {} : { run: { ...run, temporalWorkflowId: this.temporalWorkflowId, eventId: event.id, startedAt: this.run.startedAt } }),
      steps: this.pending.splice(0),
    };
  }

  /** Writes what is batched before the run waits a while, so the run's page shows where it is. */
  async flush(): Promise<void> {
    if (this.recorded && this.pending.length === 0) return;
    await bookkeeping.writeRunRecords({ batch: this.take(), runId: this.run.id });
    this.recorded = true;
  }
}
