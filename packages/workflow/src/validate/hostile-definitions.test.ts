import { describe, expect, it } from 'vitest';
import { DEFINITION_LIMITS } from './definition-limits';
import { testCatalog } from './fixtures';
import { fanOutDefinition, ladderDefinition } from './hostile-definitions';
import { validateWorkflow } from './validate-workflow';

/** Validates and prints what it took; speed figures are printed, the bounds asserted are generous. */
const timedValidation = (label: string, definition: { nodes: unknown[]; edges: unknown[] }) => {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = validateWorkflow(definition, testCatalog);
  const milliseconds = Math.round(performance.now() - started);
  const figures = { bytes: JSON.stringify(definition).length, milliseconds, heapGrowthMB: Math.round((process.memoryUsage().heapUsed - heap) / 1e6) };
  console.log(`${label} (${definition.nodes.length} nodes, ${definition.edges.length} edges):`, figures);
  return { result, milliseconds };
};

describe('validateWorkflow on hostile definitions', () => {
  // The bounds prove the blow-up is gone (25 s before the limit), with room for a loaded machine:
  // quiet, these take 0.2–0.3 s; under a load average of 20 they took 3.4 and 4.9 s.
  it('validates a ladder of conditions at the node limit within 10 s', () => {
    // Two nodes a rung, and a trigger, a first step and an end around them.
    const ladder = ladderDefinition(Math.floor((DEFINITION_LIMITS.nodes - 3) / 2));
    expect(ladder.nodes.length).toBe(DEFINITION_LIMITS.nodes - 1);
    const { result, milliseconds } = timedValidation('ladder at the limit', ladder);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(milliseconds).toBeLessThan(10_000);
  });

  it('still tells a step on one branch from one before the ladder', () => {
    const ladder = ladderDefinition(500);
    const last = ladder.nodes.find((node) => (node as { id: string }).id === 'check499') as { expression: string };
    last.expression = 'steps.check0.output and steps.join250.output';
    const tooEarly = ladder.nodes.find((node) => (node as { id: string }).id === 'check3') as { expression: string };
    tooEarly.expression = 'steps.check4.output';
    const result = validateWorkflow(ladder, testCatalog);
    expect(result.ok ? [] : result.problems.map(({ code, nodeId }) => [code, nodeId])).toEqual([['step-not-before', 'check3']]);
  });

  it('validates a parallel fan-out at the node limit, its join reading every branch, within 10 s', () => {
    const { result, milliseconds } = timedValidation('fan-out at the limit', fanOutDefinition(DEFINITION_LIMITS.nodes - 5));
    expect(result.ok ? [] : result.problems).toEqual([]);
    // Compiling its 2,000 expressions takes most of the time, about half a millisecond each.
    expect(milliseconds).toBeLessThan(10_000);
  });

  // Without the limit, this ladder took 25 s and over a gigabyte before it was accepted.
  it('refuses a ladder of 20,000 nodes at once, naming the node limit', () => {
    const { result, milliseconds } = timedValidation('ladder past the limit', ladderDefinition(10_000));
    expect(result.ok ? [] : result.problems).toEqual([
      { code: 'too-large', field: 'nodes', message: 'The definition has 20003 nodes, forEach bodies included; the limit is 2000' },
      { code: 'too-large', field: 'edges', message: 'The definition has 30002 edges, forEach bodies included; the limit is 4000' },
      { code: 'too-large', message: 'The definition takes 3048186 bytes as JSON; the limit is 1048576 bytes (1 MiB)' },
    ]);
    expect(milliseconds).toBeLessThan(1000);
  });
});
