import { describe, expect, it } from 'vitest';
import { createBrowserCatalog } from '../browser-catalog';
import { forEachWorkflow, loggingWorkflow } from '../fixtures';
import { catalogExampleEvent, generatedEvent, loggedEventEnvelope } from './event-samples';
import { previewContext } from './preview-context';
import { previewExpression } from './preview';

const catalog = createBrowserCatalog({ customEvents: [] });
const TYPE = 'TICKET_SLA_STAGE_BREACHED';

describe('the context an expression is previewed against', () => {
  it('gives a trigger filter the chosen event alone, and says the catalog example is not a real event', () => {
    const sample = catalogExampleEvent(TYPE, catalog);
    const { context, madeUp } = previewContext({ definition: loggingWorkflow(), nodeId: 'trigger_1', scope: { kind: 'event', eventType: TYPE }, catalog, sample });
    expect(Object.keys(context)).toEqual(['event']);
    expect((context.event as { data: unknown }).data).toEqual(sample.envelope.data);
    expect(madeUp).toEqual([expect.stringMatching(/catalog example of TICKET_SLA_STAGE_BREACHED/)]);
  });

  it('gives a later node the event, each step run before it with a generated output, the variables and the run', () => {
    const definition = { ...loggingWorkflow(), variables: { attempts: 3 } };
    const sample = loggedEventEnvelope({ id: 'e-1', type: TYPE, version: 1, source: 'helpdesk', timestamp: '2026-12-01T00:00:00Z', correlationId: null, causationId: null, actor: null, data: { ticketId: 'T-9' }, metadata: null });
    const { context, madeUp } = previewContext({ definition, nodeId: 'end_1', scope: { kind: 'run' }, catalog, sample });
    expect(context.event).toMatchObject({ id: 'e-1', data: { ticketId: 'T-9' }, correlationId: null });
    // core.log's output schema says `logged: boolean`.
    expect(context.steps).toEqual({ action_1: { output: { logged: true } } });
    expect(context.vars).toEqual({ attempts: 3 });
    expect(context.run).toMatchObject({ workflowVersion: 1 });
    expect(madeUp).toEqual([expect.stringMatching(/^steps\.action_1: generated/), 'run: placeholder ids']);
  });

  it('gives a node in a forEach body a generated current item at index 0', () => {
    const { context } = previewContext({ definition: forEachWorkflow(), nodeId: 'logLine', scope: { kind: 'run' }, catalog, sample: generatedEvent(TYPE, catalog) });
    expect(context.steps?.lines).toMatchObject({ index: 0 });
    expect(context.steps?.lines).toHaveProperty('item');
  });

  it('generates every payload field of an event from its schema, with enums and formats respected', () => {
    const { envelope, madeUp } = generatedEvent(TYPE, catalog);
    const fields = catalog.getEvent(TYPE)!.fields.filter((field) => !field.path.includes('.') && !field.optional);
    expect(Object.keys(envelope.data as object)).toEqual(expect.arrayContaining(fields.map((field) => field.path)));
    expect(envelope).toMatchObject({ type: TYPE, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(madeUp).toMatch(/generated from the schema/);
  });

  it('previews an expression of a step as the engine evaluates it against that context', async () => {
    const sample = catalogExampleEvent(TYPE, catalog);
    const { context } = previewContext({ definition: loggingWorkflow(), nodeId: 'end_1', scope: { kind: 'run' }, catalog, sample });
    const ticketId = (sample.envelope.data as { ticketId: string }).ticketId;
    expect(await previewExpression('"Ticket " & event.data.ticketId & (steps.action_1.output.logged ? " logged" : "")', context)).toEqual({ ok: true, value: `Ticket ${ticketId} logged` });
  });
});
