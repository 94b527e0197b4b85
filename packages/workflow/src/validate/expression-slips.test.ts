import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_LENGTH } from '../expressions/compile';
import { everyNodeTypeDefinition, testCatalog } from './fixtures';
import { validateWorkflow } from './validate-workflow';

type Loose = Record<string, unknown>;
const expr = ($expr: string) => ({ $expr });

/** The fixture with one node changed by `change`, validated. */
function validateWith(nodeId: string, change: (node: Loose) => void) {
  const definition = everyNodeTypeDefinition();
  change((definition.nodes as Loose[]).find((node) => node.id === nodeId)!);
  return validateWorkflow(definition, testCatalog);
}

describe('validateWorkflow on the usual slips in expressions', () => {
  it('refuses == in a condition, naming JSONata’s = and carrying the corrected expression', () => {
    const result = validateWith('big', (node) => void (node.expression = 'event.data.amountDue == 100000'));
    expect(result.ok ? [] : result.problems).toEqual([
      {
        nodeId: 'big',
        field: 'expression',
        code: 'expression-slip',
        message: 'JSONata compares with =, not ==: write event.data.amountDue = 100000',
        fix: { value: 'event.data.amountDue = 100000' },
      },
    ]);
  });

  it.each([
    ['&&', 'vars.attempts < 3 && event.data.amountDue > 10000', 'JSONata uses and, not &&', 'vars.attempts < 3 and event.data.amountDue > 10000'],
    ['||', 'vars.attempts < 3 || event.data.amountDue > 10000', 'JSONata uses or, not ||', 'vars.attempts < 3 or event.data.amountDue > 10000'],
    ['===', 'vars.attempts === 3', 'JSONata compares with =, not ===', 'vars.attempts = 3'],
    ['!', '!(vars.attempts < 3)', 'JSONata negates with $not(…), not !', '$not(vars.attempts < 3)'],
    ['{{ }}', '{{ vars.attempts < 3 }}', 'Write the expression without {{ }}: the field is JSONata already', 'vars.attempts < 3'],
  ])('refuses %s in a switch case with JSONata’s way', (_slip, source, advice, corrected) => {
    const result = validateWith('route', (node) => void (node.cases = [{ port: 'large', expression: source }]));
    expect(result.ok ? [] : result.problems).toEqual([
      { nodeId: 'route', field: 'cases[0].expression', code: 'expression-slip', message: `${advice}: write ${corrected}`, fix: { value: corrected } },
    ]);
  });

  it('corrects a slip in a mapping leaf with the whole leaf', () => {
    const result = validateWith('notify', (node) => void ((node.input as Loose).message = expr('{{ event.data.invoiceId }}')));
    expect(result.ok ? [] : result.problems).toMatchObject([
      { nodeId: 'notify', field: 'input.message', code: 'expression-slip', fix: { value: { $expr: 'event.data.invoiceId' } } },
    ]);
  });

  it('still checks what the corrected expression reads, once it is corrected', () => {
    const result = validateWith('big', (node) => void (node.expression = 'event.data.nope == 1'));
    expect(result.ok ? [] : result.problems).toMatchObject([{ code: 'expression-slip', fix: { value: 'event.data.nope = 1' } }]);
    const corrected = validateWith('big', (node) => void (node.expression = 'event.data.nope = 1'));
    expect(corrected.ok ? [] : corrected.problems).toMatchObject([{ code: 'unknown-event-field' }]);
  });

  it('does not mistake == inside a string for a slip', () => {
    expect(validateWith('big', (node) => void (node.expression = 'event.data.invoiceId = "a==b&&c"')).ok).toBe(true);
    const broken = validateWith('big', (node) => void (node.expression = 'event.data.invoiceId = "a==b" and ('));
    expect(broken.ok ? [] : broken.problems).toMatchObject([{ code: 'expression-syntax' }]);
  });

  it('answers a hostile expression of slips at the length limit within 2 s', () => {
    const source = `event.data.amountDue == 1${' && event.data.amountDue == 1'.repeat(Math.floor((MAX_EXPRESSION_LENGTH - 30) / 31))}`;
    expect(source.length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = validateWith('big', (node) => void (node.expression = source));
    const milliseconds = Math.round(performance.now() - started);
    console.log(`validating ${source.length} characters of slips:`, { milliseconds, heapGrowthMB: Math.round((process.memoryUsage().heapUsed - heap) / 1e6) });
    expect(result.ok ? [] : result.problems).toMatchObject([{ code: 'expression-slip', message: expect.stringMatching(/^JSONata compares with =, not ==; JSONata uses and, not &&/) }]);
    expect(milliseconds).toBeLessThan(2000);
  });
});

describe('validateWorkflow on literals that read like expressions', () => {
  it.each([
    ['a template placeholder', '{{ event.data.invoiceId }}', 'event.data.invoiceId'],
    ['a bare path', 'event.data.invoiceId', 'event.data.invoiceId'],
    ['text with a placeholder', 'Invoice {{ event.data.invoiceId }} is overdue', '"Invoice " & event.data.invoiceId & " is overdue"'],
  ])('warns about %s in an action input and still publishes', (_what, literal, expression) => {
    const result = validateWith('notify', (node) => void ((node.input as Loose).message = literal));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        nodeId: 'notify',
        field: 'input.message',
        code: 'literal-looks-like-expression',
        severity: 'warning',
        message: `${JSON.stringify(literal)} is passed on as this text; to compute it, make it the expression ${expression}`,
        fix: { value: { $expr: expression } },
      },
    ]);
  });

  it('warns in every mapping: emitted data, variables, sub-workflow input and approval assignees', () => {
    const definition = everyNodeTypeDefinition();
    const nodes = new Map((definition.nodes as Loose[]).map((node) => [node.id as string, node]));
    (nodes.get('init')!.assign as Loose).owner = 'vars.attempts';
    (nodes.get('collect')!.input as Loose).invoiceId = '{{event.data.invoiceId}}';
    nodes.get('ask')!.assignees = ['steps.init.output.owner'];
    const result = validateWorkflow(definition, testCatalog);
    expect(result.warnings.map(({ nodeId, field }) => `${nodeId} ${field}`)).toEqual(['init assign.owner', 'ask assignees[0]', 'collect input.invoiceId']);
  });

  it('says nothing of ordinary text, roles and text.render_template’s own placeholders', () => {
    const result = validateWith('notify', (node) => void ((node.input as Loose).message = 'Dear {{ customer.name }}, see event.data for details'));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('keeps warnings apart from the errors that block publishing', () => {
    const definition = everyNodeTypeDefinition();
    const nodes = new Map((definition.nodes as Loose[]).map((node) => [node.id as string, node]));
    (nodes.get('notify')!.input as Loose).message = 'event.data.invoiceId';
    nodes.get('big')!.expression = 'event.data.amountDue == 1';
    const result = validateWorkflow(definition, testCatalog);
    expect(result.ok ? [] : result.problems.map((problem) => problem.code)).toEqual(['expression-slip']);
    expect(result.warnings.map((problem) => problem.code)).toEqual(['literal-looks-like-expression']);
  });
});
