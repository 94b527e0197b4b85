import { DEFINITION_LIMITS } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { loggingWorkflow } from './fixtures';
import { exportFileName, MAX_JSON_DEPTH, parseWorkflowJson, uniqueName, workflowJson } from './workflow-json';

const errorOf = (text: string) => {
  const parsed = parseWorkflowJson(text);
  if (parsed.ok) throw new Error('expected the JSON to be refused');
  return parsed.error;
};

describe('workflow JSON in and out', () => {
  it('reads back what it exports', () => {
    const parsed = parseWorkflowJson(workflowJson(loggingWorkflow()));
    expect(parsed).toEqual({ ok: true, definition: loggingWorkflow() });
    expect(exportFileName('Log SLA breaches!')).toBe('log-sla-breaches.workflow.json');
    expect(exportFileName('★')).toBe('workflow.workflow.json');
  });

  it('says what is wrong with JSON of the wrong shape, by path', () => {
    expect(errorOf('not json')).toMatch(/^Not JSON: /);
    expect(errorOf('[1, 2]')).toMatch(/^The JSON: .*expected a workflow/);
    expect(errorOf(JSON.stringify({ name: 'x', nodes: [{ id: 'a', type: 'end' }, { id: 7 }], edges: [] }))).toMatch(/^nodes\[1\]\.id: /);
    expect(errorOf(JSON.stringify({ name: 'x', nodes: [], edges: [{ id: 'e1', from: 'a' }] }))).toMatch(/^edges\[0\]\.to: /);
    expect(errorOf(JSON.stringify({ name: '  ', nodes: [], edges: [] }))).toMatch(/^name: /);
  });

  it('refuses a huge file before parsing it, quickly', () => {
    const huge = JSON.stringify({ ...loggingWorkflow(), description: 'x'.repeat(50 * 1024 * 1024) });
    const started = performance.now();
    expect(errorOf(huge)).toMatch(/^The JSON is 50\.0 MB; a workflow is at most 1\.0 MB/);
    const elapsed = performance.now() - started;
    console.log(`50 MB import refused in ${elapsed.toFixed(2)} ms`);
    expect(elapsed).toBeLessThan(500);
  });

  it('refuses deep nesting without recursing into it, even nesting hidden in strings is not miscounted', () => {
    const deep = `{"name":"x","nodes":[],"edges":[],"variables":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const started = performance.now();
    expect(errorOf(deep)).toBe(`The JSON is nested 200001 levels deep; a workflow needs at most ${MAX_JSON_DEPTH}`);
    console.log(`200,000-level nesting refused in ${(performance.now() - started).toFixed(2)} ms`);
    const bracketsInText = JSON.stringify({ ...loggingWorkflow(), description: '[[[[{{{{\\"'.repeat(100) });
    expect(parseWorkflowJson(bracketsInText).ok).toBe(true);
  });

  it('refuses a definition over the node limit with the limit’s own message', () => {
    const nodes = Array.from({ length: DEFINITION_LIMITS.nodes + 1 }, (_, i) => ({ id: `n${i}`, type: 'end' }));
    expect(errorOf(JSON.stringify({ name: 'x', nodes, edges: [] }))).toMatch(/has 2001 nodes.*limit is 2000/);
  });

  it('names a copy so it does not collide', () => {
    expect(uniqueName('A', ['B'])).toBe('A');
    expect(uniqueName('A', ['A', 'A (2)'])).toBe('A (3)');
  });
});
