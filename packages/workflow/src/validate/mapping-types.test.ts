import { describe, expect, it } from 'vitest';
import type { CatalogField, ValidationCatalog } from './catalog';
import { testCatalog } from './fixtures';
import { validateWorkflow } from './validate-workflow';

const expr = ($expr: string) => ({ $expr });

/** Trigger → one crm.create_task with `input` → end. */
function taskWith(input: Record<string, unknown>, extra: Array<Record<string, unknown>> = []) {
  return {
    schemaVersion: 1, name: 'types',
    variables: { days: 3, label: 'x' },
    nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' }, ...extra, { id: 'task', type: 'action', action: 'crm.create_task', input: { title: 't', assignee: 'a', dueInDays: 1, ...input } }, { id: 'end', type: 'end' }],
    edges: [...[{ id: 'start' }, ...extra].map((node, index, all) => ({ id: `e${index}`, from: node.id as string, to: (all[index + 1]?.id as string | undefined) ?? 'task' })), { id: 'eEnd', from: 'task', to: 'end' }],
  };
}
const found = (definition: unknown, catalog: ValidationCatalog = testCatalog) => {
  const result = validateWorkflow(definition, catalog);
  return [...(result.ok ? [] : result.problems), ...result.warnings].map(({ code, field, severity }) => ({ code, field, ...(severity ? { severity } : {}) }));
};

describe('mapped expression types', () => {
  it('accepts a path whose type fits: an integer into an integer, a number-typed variable, text into text', () => {
    expect(found(taskWith({ dueInDays: expr('event.data.daysOverdue'), title: expr('event.data.invoiceId') }))).toEqual([]);
    expect(found(taskWith({ dueInDays: expr('vars.days'), assignee: expr('run.tenantId') }))).toEqual([]);
  });

  it('refuses text into a number, a number into text, and a list of item values into one value', () => {
    expect(found(taskWith({ dueInDays: expr('event.data.invoiceId') }))).toEqual([{ code: 'mapping-type-mismatch', field: 'input.dueInDays' }]);
    expect(found(taskWith({ title: expr('vars.days') }))).toEqual([{ code: 'mapping-type-mismatch', field: 'input.title' }]);
    expect(found(taskWith({ title: expr('event.data.lines.sku') }))).toEqual([{ code: 'mapping-type-mismatch', field: 'input.title' }]);
    const [problem] = (validateWorkflow(taskWith({ dueInDays: expr('event.data.invoiceId') }), testCatalog) as { problems: Array<{ message: string }> }).problems;
    expect(problem!.message).toBe('event.data.invoiceId is string, but dueInDays of the input of crm.create_task takes integer');
  });

  it('leaves alone what cannot be known before the run: computed expressions, undescribed values, open targets', () => {
    expect(found(taskWith({ dueInDays: expr('$number(event.data.invoiceId)'), title: expr('event.data.lines[0].sku') }))).toEqual([]);
    expect(found(taskWith({ title: expr('event.data.metadata.note') }))).toEqual([]);
    expect(found(taskWith({ dueInDays: expr('steps.init.output.anything') }, [{ id: 'init', type: 'subWorkflow', workflow: 'collect-payment', version: 1, input: { invoiceId: 'x' } }]))).toEqual([]);
  });

  it('warns of an optional value into a required field, and not into an optional one', () => {
    expect(found(taskWith({ assignee: expr('event.data.customer.accountManager') }))).toEqual([{ code: 'mapping-may-be-absent', field: 'input.assignee', severity: 'warning' }]);
    expect(found(taskWith({ tags: expr('event.data.lines.sku') }))).toEqual([]);
  });

  it('types a forEach item from the array it walks', () => {
    const definition = {
      schemaVersion: 1, name: 'items',
      nodes: [
        { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
        {
          id: 'each', type: 'forEach', items: 'event.data.lines', concurrency: 1,
          body: { nodes: [{ id: 'task', type: 'action', action: 'crm.create_task', input: { title: expr('steps.each.item.amount'), assignee: 'a', dueInDays: expr('steps.each.item.amount') } }], edges: [{ id: 'b', from: 'each', to: 'task', port: 'item' }] },
        },
      ],
      edges: [{ id: 'e', from: 'start', to: 'each' }],
    };
    expect(found(definition)).toEqual([{ code: 'mapping-type-mismatch', field: 'input.title' }]);
  });

  it('stays bounded on a large payload read by many mapped paths', () => {
    const payload: CatalogField[] = Array.from({ length: 3_000 }, (_, index) => ({ path: `f${index}`, type: index % 2 ? 'string' : 'integer', optional: false }));
    const catalog: ValidationCatalog = { ...testCatalog, getEvent: (type, version) => (type === 'WIDE' ? { version: 1, fields: payload, validatePayload: () => [] } : testCatalog.getEvent(type, version)) };
    const actions = Array.from({ length: 400 }, (_, index) => ({ id: `a${index}`, type: 'action', action: 'crm.create_task', input: { title: expr(`event.data.f${(index * 2 + 1) % 3_000}`), assignee: expr(`event.data.f${index * 7 % 3_000}`), dueInDays: expr(`event.data.f${index * 2}`) } }));
    const definition = {
      schemaVersion: 1, name: 'wide',
      nodes: [{ id: 'start', type: 'trigger', event: 'WIDE' }, ...actions],
      edges: actions.map((action, index) => ({ id: `e${index}`, from: index === 0 ? 'start' : `a${index - 1}`, to: action.id })),
    };
    const started = performance.now();
    const problems = found(definition, catalog);
    const elapsed = performance.now() - started;
    console.log(`400 actions, 1,200 mapped paths into a 3,000-field payload: validated in ${elapsed.toFixed(0)} ms`);
    expect(problems.every((problem) => problem.code === 'mapping-type-mismatch')).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
  });
});
