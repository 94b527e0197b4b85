import type { DraftDefinition } from './draft';

/** A trigger on an SLA breach that logs, then ends: what the e2e test draws, as JSON. */
export function loggingWorkflow(message = '"Ticket " & event.data.ticketId'): DraftDefinition {
  return {
    schemaVersion: 1,
    name: 'Log SLA breaches',
    nodes: [
      { id: 'trigger_1', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED', position: { x: 0, y: 0 } },
      { id: 'action_1', type: 'action', action: 'core.log', input: { message: { $expr: message } }, position: { x: 0, y: 180 } },
      { id: 'end_1', type: 'end', position: { x: 0, y: 360 } },
    ],
    edges: [
      { id: 'e1', from: 'trigger_1', to: 'action_1', port: 'next' },
      { id: 'e2', from: 'action_1', to: 'end_1', port: 'next' },
    ],
  };
}
