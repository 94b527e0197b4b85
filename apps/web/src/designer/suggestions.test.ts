import { describe, expect, it } from 'vitest';
import { createBrowserCatalog } from './browser-catalog';
import { connect, removeEdges } from './edit';
import { loggingWorkflow } from './fixtures';
import { applyCompletion, completeAt, expressionSuggestions, stepsBefore } from './suggestions';

const catalog = createBrowserCatalog({ customEvents: [] });

describe('expression suggestions', () => {
  it('offer the trigger event’s payload fields, steps that ran before, variables and run fields', () => {
    const definition = { ...loggingWorkflow(), variables: { attempts: 0 } };
    const suggestions = expressionSuggestions(definition, 'end_1', { kind: 'run' }, catalog);
    expect(suggestions).toEqual(expect.arrayContaining(['event.data.ticketId', 'event.data.overdueBySeconds', 'event.correlationId', 'steps.action_1.output', 'vars.attempts', 'run.id']));
    expect(suggestions).not.toContain('steps.trigger_1.output');
    // Typed from core.log's output schema, so later steps offer its fields, not the output alone.
    expect(suggestions).toContain('steps.action_1.output.logged');
    expect(expressionSuggestions(definition, 'action_1', { kind: 'run' }, catalog).filter((s) => s.startsWith('steps.'))).toEqual([]);
  });

  it('offer only the event to filters, which see one event alone', () => {
    const suggestions = expressionSuggestions(loggingWorkflow(), 'trigger_1', { kind: 'event', eventType: 'TICKET_SLA_STAGE_BREACHED' }, catalog);
    expect(suggestions).toContain('event.data.ticketId');
    expect(suggestions.every((s) => s.startsWith('event.'))).toBe(true);
  });

  it('offer a step only where it has certainly run', () => {
    let definition = loggingWorkflow();
    definition.nodes.push({ id: 'check', type: 'condition', expression: 'true' }, { id: 'side', type: 'action', action: 'core.log', input: {} });
    definition = connect(removeEdges(definition, ['e1']), { from: 'trigger_1', port: 'next', to: 'check' });
    definition = connect(connect(definition, { from: 'check', port: 'true', to: 'action_1' }), { from: 'check', port: 'false', to: 'side' });
    definition = connect(definition, { from: 'side', port: 'next', to: 'end_1' });
    expect(stepsBefore(definition, 'end_1', catalog)).toEqual(['check']);
    expect(stepsBefore(definition, 'action_1', catalog)).toEqual(['check']);
  });

  it('complete the path at the caret, by prefix first and then by any part', () => {
    const text = '"Ticket " & tick & "!"';
    const caret = text.indexOf(' & "!"');
    const completion = completeAt(text, caret, ['event.data.ticketId', 'event.data.tickets', 'steps.ticket_1.output']);
    expect(completion.options).toEqual(['event.data.ticketId', 'event.data.tickets', 'steps.ticket_1.output']);
    expect(applyCompletion(text, completion, 'event.data.ticketId')).toEqual({ text: '"Ticket " & event.data.ticketId & "!"', caret: '"Ticket " & event.data.ticketId'.length });
    expect(completeAt('event.data.', 11, ['event.data.ticketId', 'run.id']).options).toEqual(['event.data.ticketId']);
    expect(completeAt('1 + ', 4, ['event.data.ticketId']).options).toEqual([]);
  });
});
