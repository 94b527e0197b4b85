import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../nodes';
import { everyNodeTypeDefinition, testCatalog } from './fixtures';
import type { Problem } from './problems';
import { validateWorkflow } from './validate-workflow';

type Definition = ReturnType<typeof everyNodeTypeDefinition>;
type Loose = Record<string, unknown>;

const nodeOf = (definition: Definition, id: string): Loose => {
  const body = (definition.nodes.find((node) => node.id === 'perLine') as unknown as { body: { nodes: Loose[] } }).body;
  return [...(definition.nodes as Loose[]), ...body.nodes].find((node) => node.id === id)!;
};
const bodyOf = (definition: Definition) => nodeOf(definition, 'perLine').body as { nodes: Loose[]; edges: Loose[] };
const edgeOf = (definition: Definition, id: string): Loose => (definition.edges as Loose[]).find((edge) => edge.id === id)!;
const addNode = (definition: Definition, node: Loose) => (definition.nodes as Loose[]).push(node);
const addEdge = (definition: Definition, id: string, from: string, to: string, port?: string) =>
  (definition.edges as Loose[]).push({ id, from, to, ...(port ? { port } : {}) });
const removeEdge = (definition: Definition, id: string) => definition.edges.splice(definition.edges.findIndex((edge) => edge.id === id), 1);
const setInput = (definition: Definition, id: string, key: string, value: unknown) => {
  const node = nodeOf(definition, id);
  const mapping = (node.input ?? node.data ?? node.assign) as Loose;
  if (value === undefined) delete mapping[key];
  else mapping[key] = value;
};
const expr = ($expr: string) => ({ $expr });

type Expected = Omit<Problem, 'message'>;
type Row = [rule: string, breakIt: (definition: Definition) => void, expected: Expected[]];

const broken: Row[] = [
  // Shape (zod), addressed by node or edge id
  ['a missing workflow name', (d) => void delete (d as Partial<Definition>).name, [{ code: 'schema', field: 'name' }]],
  ['a field of the wrong type', (d) => void (nodeOf(d, 'big').expression = 42), [{ code: 'schema', nodeId: 'big', field: 'expression' }]],
  ['an unknown field on a node', (d) => void (nodeOf(d, 'notify').colour = 'red'), [{ code: 'schema', nodeId: 'notify', field: 'colour' }]],
  ['a duration that is not ISO 8601', (d) => void (nodeOf(d, 'pause').duration = '3 days'), [{ code: 'schema', nodeId: 'pause', field: 'duration' }]],
  ['a delay with both a duration and an until', (d) => void (nodeOf(d, 'pause').until = 'event.data.dueAt'), [{ code: 'schema', nodeId: 'pause', field: 'duration' }]],
  ['two switch cases with one port', (d) => void (nodeOf(d, 'route').cases as Loose[]).push({ port: 'large', expression: 'true' }), [{ code: 'schema', nodeId: 'route', field: 'cases' }]],
  ['a node id expressions cannot address', (d) => void addNode(d, { id: 'send-mail', type: 'end' }), [{ code: 'schema', nodeId: 'send-mail', field: 'id' }, { code: 'unreachable', nodeId: 'send-mail' }]],
  ['a node without an id', (d) => void addNode(d, { type: 'end' }), [{ code: 'schema', field: 'nodes[17].id' }]],
  ['a body node without an id', (d) => void bodyOf(d).nodes.push({ type: 'end' }), [{ code: 'schema', nodeId: 'perLine', field: 'body.nodes[1].id' }]],
  ['a malformed expression leaf', (d) => setInput(d, 'notify', 'message', { $expr: 42 }), [{ code: 'schema', nodeId: 'notify', field: 'input.message' }]],
  ['an edge without a target', (d) => void delete edgeOf(d, 'e20').to, [{ code: 'schema', edgeId: 'e20', field: 'to' }]],
  ['an unknown node type', (d) => void (nodeOf(d, 'notify').type = 'teleport'), [{ code: 'unknown-node-type', nodeId: 'notify', field: 'type' }]],
  // Found by the generated-definitions property: String() of this object throws.
  ['a node type that is an object with a non-callable toString', (d) => void (nodeOf(d, 'notify').type = { toString: [] }), [{ code: 'unknown-node-type', nodeId: 'notify', field: 'type' }]],
  ['a waitForEvent without correlation', (d) => void delete nodeOf(d, 'wait').correlation, [{ code: 'missing-correlation', nodeId: 'wait', field: 'correlation' }]],

  ['more nodes than the limit', (d) => {
    for (let index = 0; index < 2_000; index++) addNode(d, { id: `extra${index}`, type: 'end' });
  }, [{ code: 'too-large', field: 'nodes' }]],

  // Ids, edges and ports
  ['a duplicate node id', (d) => void addNode(d, { id: 'finish', type: 'end' }), [{ code: 'duplicate-node-id', nodeId: 'finish', field: 'id' }]],
  ['a body node reusing an outer id', (d) => {
    nodeOf(d, 'logLine').id = 'notify';
    bodyOf(d).edges[0]!.to = 'notify';
  }, [{ code: 'duplicate-node-id', nodeId: 'notify', field: 'id' }]],
  ['a duplicate edge id', (d) => void (edgeOf(d, 'e21').id = 'e20'), [{ code: 'duplicate-edge-id', edgeId: 'e20', field: 'id' }]],
  ['an edge to an unknown node', (d) => void (edgeOf(d, 'e20').to = 'nowhere'), [{ code: 'unknown-node', edgeId: 'e20', field: 'to' }]],
  ['an edge from an unknown node', (d) => addEdge(d, 'x1', 'ghost', 'finish'), [{ code: 'unknown-node', edgeId: 'x1', field: 'from' }]],
  ['an edge from a body node to the outer graph', (d) => void bodyOf(d).edges.push({ id: 'b2', from: 'logLine', to: 'finish' }), [{ code: 'unknown-node', edgeId: 'b2', field: 'to' }]],
  ['an edge from a port the node does not have', (d) => void (edgeOf(d, 'e13').port = 'maybe'), [{ code: 'unknown-port', edgeId: 'e13', nodeId: 'notify', field: 'port' }]],
  ['an edge leaving an end node', (d) => addEdge(d, 'x1', 'finish', 'giveUp'), [{ code: 'unknown-port', edgeId: 'x1', nodeId: 'finish', field: 'port' }]],
  ['a condition edge without a port', (d) => void delete edgeOf(d, 'e3').port, [{ code: 'unknown-port', edgeId: 'e3', nodeId: 'big', field: 'port' }, { code: 'missing-port', nodeId: 'big', field: 'ports.true' }]],
  ['a forEach item edge in the outer graph', (d) => addEdge(d, 'x1', 'perLine', 'finish', 'item'), [{ code: 'unknown-port', edgeId: 'x1', nodeId: 'perLine', field: 'port' }]],
  ['a second edge from one port', (d) => addEdge(d, 'x1', 'notify', 'finish'), [{ code: 'port-fan-out', edgeId: 'x1', nodeId: 'notify', field: 'ports.next' }]],
  ['an approval without a rejected branch', (d) => removeEdge(d, 'e6'), [{ code: 'missing-port', nodeId: 'ask', field: 'ports.rejected' }]],
  ['a switch case without an edge', (d) => void (nodeOf(d, 'route').cases as Loose[]).push({ port: 'small', expression: 'true' }), [{ code: 'missing-port', nodeId: 'route', field: 'ports.small' }]],
  ['a forEach body nothing enters', (d) => void bodyOf(d).edges.splice(0, 1), [{ code: 'missing-port', nodeId: 'perLine', field: 'ports.item' }, { code: 'unreachable', nodeId: 'logLine' }]],

  // Triggers, reachability, cycles
  ['no trigger', (d) => {
    d.nodes.splice(0, 1);
    removeEdge(d, 'e1');
  }, [{ code: 'missing-trigger' }]],
  ['a second trigger', (d) => {
    addNode(d, { id: 'again', type: 'trigger', event: 'PAYMENT_RECEIVED' });
    addEdge(d, 'x1', 'again', 'finish');
  }, [{ code: 'extra-trigger', nodeId: 'again' }]],
  ['a trigger in a forEach body', (d) => {
    bodyOf(d).nodes.push({ id: 'inner', type: 'trigger', event: 'PAYMENT_RECEIVED' });
    bodyOf(d).edges.push({ id: 'b2', from: 'inner', to: 'logLine' });
  }, [{ code: 'trigger-in-body', nodeId: 'inner' }]],
  ['an unreachable node', (d) => void addNode(d, { id: 'orphan', type: 'end' }), [{ code: 'unreachable', nodeId: 'orphan' }]],
  ['a cycle', (d) => addEdge(d, 'x1', 'collect', 'wait', 'error'), [{ code: 'cycle', edgeId: 'x1', nodeId: 'wait' }]],
  ['a cycle inside a forEach body', (d) => void bodyOf(d).edges.push({ id: 'b2', from: 'logLine', to: 'perLine' }), [{ code: 'cycle', edgeId: 'b2', nodeId: 'perLine' }]],

  // Expressions
  ['an expression syntax error', (d) => void (nodeOf(d, 'big').expression = 'event.data.amountDue >'), [{ code: 'expression-syntax', nodeId: 'big', field: 'expression' }]],
  ['a syntax error in a mapping leaf', (d) => setInput(d, 'notify', 'message', expr('event.data.(')), [{ code: 'expression-syntax', nodeId: 'notify', field: 'input.message' }]],
  ['a JavaScript comparison', (d) => void (nodeOf(d, 'big').expression = 'event.data.amountDue == 1'), [{ code: 'expression-slip', nodeId: 'big', field: 'expression', fix: { value: 'event.data.amountDue = 1' } }]],
  ['(a warning) a literal that reads like an expression', (d) => setInput(d, 'notify', 'message', '{{ event.data.invoiceId }}'), [{ code: 'literal-looks-like-expression', nodeId: 'notify', field: 'input.message', severity: 'warning', fix: { value: expr('event.data.invoiceId') } }]],
  ['a syntax error in a switch case', (d) => void ((nodeOf(d, 'route').cases as Loose[])[0]!.expression = ')'), [{ code: 'expression-syntax', nodeId: 'route', field: 'cases[0].expression' }]],
  ['an expression chaining thousands of terms', (d) => void (nodeOf(d, 'big').expression = Array.from({ length: 2_000 }, () => 'event.data.amountDue').join(' + ')), [{ code: 'expression-forbidden', nodeId: 'big', field: 'expression' }]],
  ['a regular expression the linear-time engine cannot run', (d) => void (nodeOf(d, 'big').expression = '$match(event.data.invoiceId, /^(?!inv-)/)'), [{ code: 'expression-forbidden', nodeId: 'big', field: 'expression' }]],
  ['a name outside the context', (d) => void (nodeOf(d, 'big').expression = 'amountDue > 5'), [{ code: 'unknown-reference', nodeId: 'big', field: 'expression' }]],
  ['a trigger filter reading the run', (d) => void (nodeOf(d, 'start').filter = 'vars.attempts > 0'), [{ code: 'unknown-reference', nodeId: 'start', field: 'filter' }]],
  ['a step that does not exist', (d) => setInput(d, 'notify', 'message', expr('steps.nobody.output.text')), [{ code: 'unknown-step', nodeId: 'notify', field: 'input.message' }]],
  ['a step on a parallel branch', (d) => setInput(d, 'notify', 'message', expr('steps.task.output.taskId')), [{ code: 'step-not-before', nodeId: 'notify', field: 'input.message' }]],
  ['a step on another branch of a condition', (d) => void ((nodeOf(d, 'wait').correlation as Loose).run = 'steps.escalate.output'), [{ code: 'step-not-before', nodeId: 'wait', field: 'correlation.run' }]],
  ['a step inside a forEach body, read after it', (d) => setInput(d, 'collect', 'invoiceId', expr('steps.logLine.output.logged')), [{ code: 'step-not-before', nodeId: 'collect', field: 'input.invoiceId' }]],
  ['an envelope field events do not have', (d) => void (nodeOf(d, 'big').expression = 'event.dta.amountDue > 1'), [{ code: 'unknown-event-field', nodeId: 'big', field: 'expression' }]],
  ['a step field steps do not have', (d) => setInput(d, 'notify', 'message', expr('steps.init.outptu')), [{ code: 'unknown-step-field', nodeId: 'notify', field: 'input.message' }]],
  ['a forEach item read after the forEach', (d) => {
    edgeOf(d, 'e17').to = 'finish'; // so that the forEach always runs before the wait
    setInput(d, 'collect', 'invoiceId', expr('steps.perLine.item.sku'));
  }, [{ code: 'unknown-step-field', nodeId: 'collect', field: 'input.invoiceId' }]],
  ['a payload field the trigger event lacks', (d) => void (nodeOf(d, 'big').expression = 'event.data.amountDeu > 1'), [{ code: 'unknown-event-field', nodeId: 'big', field: 'expression' }]],
  ['a nested payload field the event lacks', (d) => setInput(d, 'notify', 'message', expr('event.data.customer.nmae')), [{ code: 'unknown-event-field', nodeId: 'notify', field: 'input.message' }]],
  ['a field of array items the event lacks', (d) => void (nodeOf(d, 'perLine').items = 'event.data.lines[price > 0]'), [{ code: 'unknown-event-field', nodeId: 'perLine', field: 'items' }]],
  ['an awaited-event field that event lacks', (d) => void ((nodeOf(d, 'wait').correlation as Loose).event = 'event.data.invoice'), [{ code: 'unknown-event-field', nodeId: 'wait', field: 'correlation.event' }]],
  ['an action output field it does not produce', (d) => void (nodeOf(d, 'logLine').input = { message: expr('steps.task.output.taskid') }), [{ code: 'unknown-output-field', nodeId: 'logLine', field: 'input.message' }]],
  ['a received-event field that event lacks', (d) => setInput(d, 'paid', 'paidAmount', expr('steps.wait.output.data.amout')), [{ code: 'unknown-output-field', nodeId: 'paid', field: 'assign.paidAmount' }]],
  ['an undeclared variable', (d) => void (nodeOf(d, 'giveUp').message = 'vars.atempts'), [{ code: 'unknown-variable', nodeId: 'giveUp', field: 'message' }]],
  ['an unknown run field', (d) => void (nodeOf(d, 'giveUp').message = 'run.owner'), [{ code: 'unknown-run-field', nodeId: 'giveUp', field: 'message' }]],

  // Catalog: events, actions, workflows, mappings
  ['an unknown trigger event', (d) => void (nodeOf(d, 'start').event = 'INVOICE_EATEN'), [{ code: 'unknown-event', nodeId: 'start', field: 'event' }]],
  ['an unknown emitted event', (d) => void (nodeOf(d, 'escalate').event = 'NOPE'), [{ code: 'unknown-event', nodeId: 'escalate', field: 'event' }]],
  ['an unknown awaited event', (d) => void (nodeOf(d, 'wait').event = 'NOPE'), [{ code: 'unknown-event', nodeId: 'wait', field: 'event' }]],
  ['an unknown action', (d) => void (nodeOf(d, 'notify').action = 'crm.nope'), [{ code: 'unknown-action', nodeId: 'notify', field: 'action' }]],
  ['an unknown sub-workflow version', (d) => void (nodeOf(d, 'collect').version = 2), [{ code: 'unknown-workflow', nodeId: 'collect', field: 'workflow' }]],
  ['a literal failing the action input', (d) => setInput(d, 'notify', 'level', 'loud'), [{ code: 'invalid-mapping', nodeId: 'notify', field: 'input.level' }]],
  ['a required action input left out', (d) => setInput(d, 'task', 'title', undefined), [{ code: 'invalid-mapping', nodeId: 'task', field: 'input.title' }]],
  ['a literal array item of the wrong type', (d) => setInput(d, 'task', 'tags', ['overdue', 5]), [{ code: 'invalid-mapping', nodeId: 'task', field: 'input.tags[1]' }]],
  ['a text path mapped into a number field', (d) => setInput(d, 'task', 'dueInDays', expr('event.data.invoiceId')), [{ code: 'mapping-type-mismatch', nodeId: 'task', field: 'input.dueInDays' }]],
  ['a list of item values mapped into a text field', (d) => setInput(d, 'notify', 'message', expr('event.data.lines.sku')), [{ code: 'mapping-type-mismatch', nodeId: 'notify', field: 'input.message' }]],
  ['(a warning) an optional value mapped into a required field', (d) => setInput(d, 'escalate', 'tenantId', expr('event.data.customer.accountManager')), [{ code: 'mapping-may-be-absent', nodeId: 'escalate', field: 'data.tenantId', severity: 'warning' }]],
  ['emitted data failing the payload schema', (d) => setInput(d, 'escalate', 'level', 'ceo'), [{ code: 'invalid-mapping', nodeId: 'escalate', field: 'data.level' }]],
  ['emitted data missing a required field', (d) => setInput(d, 'escalate', 'invoiceId', undefined), [{ code: 'invalid-mapping', nodeId: 'escalate', field: 'data.invoiceId' }]],
  ['an emitted version the event type lacks', (d) => void (nodeOf(d, 'escalate').version = 3), [{ code: 'unknown-event-version', nodeId: 'escalate', field: 'version' }]],
  ['emitted data of the latest version, checked against the pinned one', (d) => {
    Object.assign(nodeOf(d, 'escalate'), { event: 'TASK_COMPLETED', version: 1, data: { taskId: 'T-1', outcome: 'done' } });
  }, [{ code: 'invalid-mapping', nodeId: 'escalate', field: 'data.result' }]],
  ['emitted data of an old version, checked against the latest when none is named', (d) => {
    Object.assign(nodeOf(d, 'escalate'), { event: 'TASK_COMPLETED', data: { taskId: 'T-1', result: 'done' } });
  }, [{ code: 'invalid-mapping', nodeId: 'escalate', field: 'data.outcome' }]],
  ['sub-workflow input missing a required field', (d) => setInput(d, 'collect', 'invoiceId', undefined), [{ code: 'invalid-mapping', nodeId: 'collect', field: 'input.invoiceId' }]],
];

describe('validateWorkflow', () => {
  it('accepts a definition that uses every node type, and returns it unchanged', () => {
    const definition = everyNodeTypeDefinition();
    const usedTypes = new Set(definition.nodes.map((node) => node.type));
    expect(NODE_TYPES.filter((type) => !usedTypes.has(type))).toEqual([]);
    const result = validateWorkflow(definition, testCatalog);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.definition).toEqual(everyNodeTypeDefinition());
  });

  it.each(broken)('reports %s', (_rule, breakIt, expected) => {
    const definition = everyNodeTypeDefinition();
    breakIt(definition);
    const result = validateWorkflow(definition, testCatalog);
    const problems = [...(result.ok ? [] : result.problems), ...result.warnings];
    expect(problems.map(({ message: _message, ...where }) => where)).toEqual(expected);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(10);
  });

  it('reports every problem of a badly broken definition at once, in document order', () => {
    const definition = everyNodeTypeDefinition();
    nodeOf(definition, 'notify').action = 'crm.nope';
    nodeOf(definition, 'big').expression = '(';
    nodeOf(definition, 'pause').duration = 'soon';
    setInput(definition, 'escalate', 'level', 'ceo');
    addNode(definition, { id: 'orphan', type: 'end' });
    addEdge(definition, 'x1', 'paid', 'nowhere');
    const result = validateWorkflow(definition, testCatalog);
    expect(result.ok ? [] : result.problems.map((problem) => [problem.code, problem.nodeId ?? problem.edgeId])).toEqual([
      ['schema', 'pause'],
      ['unknown-node', 'x1'],
      ['unreachable', 'orphan'],
      ['expression-syntax', 'big'],
      ['invalid-mapping', 'escalate'],
      ['unknown-action', 'notify'],
    ]);
  });

  it('refuses what is not a definition at all with one problem', () => {
    expect(validateWorkflow(null, testCatalog)).toEqual({ ok: false, problems: [{ code: 'schema', message: expect.stringContaining('expected object') }], warnings: [] });
    const result = validateWorkflow({ schemaVersion: 2, name: 'x', nodes: 'none', edges: [] }, testCatalog);
    expect(result.ok ? [] : result.problems.map(({ code, field }) => [code, field])).toEqual([
      ['schema', 'schemaVersion'],
      ['schema', 'nodes'],
      ['missing-trigger', undefined],
    ]);
  });

  it('covers every problem code in the table', async () => {
    const { PROBLEM_CODES } = await import('./problems');
    const tested = new Set(broken.flatMap(([, , expected]) => expected.map((problem) => problem.code)));
    expect(Object.keys(PROBLEM_CODES).filter((code) => !tested.has(code as Problem['code']))).toEqual([]);
  });
});
