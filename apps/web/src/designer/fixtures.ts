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

/** The logging workflow with a forEach after its trigger whose body logs each line, then ends. */
export function forEachWorkflow(): DraftDefinition {
  const definition = loggingWorkflow();
  definition.nodes.push({
    id: 'lines',
    type: 'forEach',
    items: 'event.data.lines',
    concurrency: 1,
    position: { x: 300, y: 180 },
    body: {
      nodes: [
        { id: 'logLine', type: 'action', action: 'core.log', input: { message: { $expr: 'steps.lines.item' } }, position: { x: 24, y: 198 } },
        { id: 'lineDone', type: 'end', position: { x: 24, y: 378 } },
      ],
      edges: [
        { id: 'lines_item', from: 'lines', to: 'logLine', port: 'item' },
        { id: 'b1', from: 'logLine', to: 'lineDone', port: 'next' },
      ],
    },
  });
  return definition;
}
