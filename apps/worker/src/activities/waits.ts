import { toEnvelope, toStorableString } from '@cascade/db';
import type { RunEvent } from '@cascade/temporal';
import { eventCorrelationKeys } from '../correlation';
import type { RecordBatch } from '../run-records/records';
import { writeRecords } from '../run-records/write-records';
import type { RunActivityDependencies, StepCall } from './step-activity';

export interface OpenWaitCall extends StepCall {
  waitId: string;
  temporalWorkflowId: string;
  eventType: string;
  correlation: { key: string; eventExpression: string };
  expiresAt: string;
}

/** The waitForEvent node's activities: the wait the dispatcher signals, opened and closed. */
export function createWaitActivities(deps: RunActivityDependencies) {
  const { db } = deps;
  return {
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
          // Events cannot carry text PostgreSQL refuses, so a key that does could never match: stored safely, it waits out its timeout.
          correlationKey: toStorableString(call.correlation.key),
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
        if ((await eventCorrelationKeys(call.correlation.eventExpression, envelope)).has(call.correlation.key)) matching.push(envelope);
      }
      return matching;
    },

    async closeWait({ batch, runId, waitId, deliveredEventId }: { batch: RecordBatch; runId: string; waitId: string; deliveredEventId: string | null }) {
      await writeRecords(db, batch, runId);
      await db.wait.update({ where: { id: waitId }, data: { closedAt: new Date(), deliveredEventId } });
    },
  };
}
