import { ApplicationFailure } from '@temporalio/common';
import { stableUuid } from '../run-records/stable-uuid';
import { asStep, type RunActivityDependencies, type StepCall } from './step-activity';

export interface EmitEventCall extends StepCall {
  type: string;
  /** Pinned at publish; absent in definitions published before emit nodes named one, which emit version 1. */
  version?: number;
  data: unknown;
  /** The event that caused this one (the run's trigger), and its causation depth when the run knows it. */
  cause: { id: string; depth?: number };
  correlationId: string;
}

/** The emit node's activity: the event goes through ingestion like any other, as the step's effect. */
export function createEmitActivities(deps: RunActivityDependencies) {
  return {
    async emitEvent(call: EmitEventCall): Promise<{ eventId: string; duplicate: boolean }> {
      const { output } = await asStep(deps.db, call, async () => {
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
  };
}
