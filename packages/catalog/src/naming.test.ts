import { describe, expect, it } from 'vitest';
import { eventTypeNamePattern, payloadSchemaRefFor } from './naming';

describe('event type names', () => {
  it.each([
    ['TICKET_SLA_STAGE_BREACHED', 1, 'payload.TicketSlaStageBreached.v1'],
    ['work_order.status_changed', 1, 'payload.WorkOrderStatusChanged.v1'],
    ['auth.user.created', 1, 'payload.AuthUserCreated.v1'],
    ['agent.task_completed', 2, 'payload.AgentTaskCompleted.v2'],
  ])('%s v%i is published as %s', (type, version, ref) => {
    expect(payloadSchemaRefFor(type, version)).toBe(ref);
  });

  it('accepts the naming styles of the catalog and nothing else', () => {
    for (const name of ['INVOICE_OVERDUE', 'work_order.status_changed', 'module.registry.registered', 'dm.message.read']) {
      expect(name).toMatch(eventTypeNamePattern);
    }
    for (const name of ['invoice_overdue', 'Invoice.Overdue', 'INVOICE__OVERDUE', 'auth..user', 'auth.user.', '', 'work order.created']) {
      expect(name).not.toMatch(eventTypeNamePattern);
    }
  });
});
