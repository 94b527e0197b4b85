import { getActionHandler } from '@cascade/actions/handlers';
import type { RunEvent } from '@cascade/temporal';
import { Context } from '@temporalio/activity';
import type { ActivityDependencies } from '@cascade/worker/activities';
import { stableUuid } from '@cascade/worker/run-records';

/** What the hand-written workflow hands its two activities. */
export interface BaselineStep {
  runId: string;
  tenantId: string;
}

/**
 * The hand-written baseline's side effects, the fastest way DESIGN.md §8 describes: the same
 * core.log handler and the same ingestion path the interpreter uses, and nothing else — no run
 * read model, no idempotency table. What the interpreter does beyond this is its overhead.
 */
export function createBaselineActivities(deps: ActivityDependencies) {
  const logHandler = getActionHandler('core.log');
  if (!logHandler) throw new Error('core.log is not among the built-in action handlers');

  return {
    async baselineLog({ runId, tenantId, message }: BaselineStep & { message: string }): Promise<unknown> {
      const log = deps.logger.child({ runId, node: 'log', action: 'core.log' });
      const output = await logHandler.run(logHandler.input.parse({ message }), {
        tenantId,
        runId,
        idempotencyKey: `${runId}:log`,
        signal: Context.current().cancellationSignal,
        log: (text, fields) => log.info(fields ?? {}, text),
        secrets: deps.secrets.forTenant(tenantId),
        services: deps.services({ tenantId, runId }),
      });
      return logHandler.output.parse(output);
    },

    async baselineEmit({ runId, tenantId, event, causationDepth, data }: BaselineStep & { event: RunEvent; causationDepth: number; data: unknown }): Promise<string> {
      const id = stableUuid(`${runId}:announce`);
      const envelope = { id, type: 'billing.plan.changed', source: 'cascade', data, causationId: event.id, correlationId: event.correlationId ?? event.id };
      const knownDepths = new Map([[event.id, causationDepth]]);
      const result = await deps.ingestion.ingest({ tenantId, id: `run:${runId}`, namespaces: [] }, [envelope], { ...deps.ingestOptions, knownDepths });
      if (result.rejected.length) throw new Error(`emit refused: ${JSON.stringify(result.rejected)}`);
      return id;
    },
  };
}

export type BaselineActivities = ReturnType<typeof createBaselineActivities>;
