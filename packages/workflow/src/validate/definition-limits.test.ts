import { describe, expect, it } from 'vitest';
import { checkDefinitionLimits, DEFINITION_LIMITS } from './definition-limits';

const end = (id: string) => ({ id, type: 'end' });
const withNodes = (count: number) => ({ schemaVersion: 1, name: 'Wide', nodes: Array.from({ length: count }, (_, index) => end(`n${index}`)), edges: [] });
const withEdges = (count: number) => ({ ...withNodes(2), edges: Array.from({ length: count }, (_, index) => ({ id: `e${index}`, from: 'n0', to: 'n1' })) });
/** forEach nodes `depth` deep, each the one node of the body around it. */
const nested = (depth: number) => {
  let flow: { nodes: object[]; edges: object[] } = { nodes: [end('innermost')], edges: [] };
  for (let level = depth; level >= 1; level--) flow = { nodes: [{ id: `each${level}`, type: 'forEach', items: 'event.data.lines', body: flow }], edges: [] };
  return { schemaVersion: 1, name: 'Nested', ...flow };
};
/** `levels` arrays, one inside the other, around a 0. */
const nestedArrays = (levels: number) => {
  let deep: unknown = 0;
  for (let level = 0; level < levels; level++) deep = [deep];
  return deep;
};
const codesAndFields = (definition: unknown) => checkDefinitionLimits(definition).map(({ code, field, nodeId }) => ({ code, field, nodeId }));

describe('checkDefinitionLimits', () => {
  it('accepts a definition at every limit', () => {
    expect(checkDefinitionLimits(withNodes(DEFINITION_LIMITS.nodes))).toEqual([]);
    expect(checkDefinitionLimits(withEdges(DEFINITION_LIMITS.edges))).toEqual([]);
    expect(checkDefinitionLimits(nested(DEFINITION_LIMITS.forEachDepth))).toEqual([]);
  });

  it('names the limit a definition exceeds, counting forEach bodies', () => {
    const [nodes] = checkDefinitionLimits(withNodes(DEFINITION_LIMITS.nodes + 1));
    expect(nodes).toEqual({ code: 'too-large', field: 'nodes', message: 'The definition has 2001 nodes, forEach bodies included; the limit is 2000' });
    expect(codesAndFields(withEdges(DEFINITION_LIMITS.edges + 1))).toEqual([{ code: 'too-large', field: 'edges', nodeId: undefined }]);
    const inBodies = nested(3);
    (inBodies.nodes[0] as { body: { nodes: object[] } }).body.nodes.push(...withNodes(DEFINITION_LIMITS.nodes).nodes);
    expect(codesAndFields(inBodies)).toEqual([{ code: 'too-large', field: 'nodes', nodeId: undefined }]);
  });

  it('refuses forEach nodes nested past the limit, at the first forEach too deep', () => {
    const [problem] = checkDefinitionLimits(nested(DEFINITION_LIMITS.forEachDepth + 1));
    expect(problem).toMatchObject({ code: 'too-large', nodeId: 'each6', field: 'body' });
    expect(problem!.message).toContain('the limit is 5 levels of forEach');
  });

  it('measures bytes of JSON as UTF-8', () => {
    const padded = (text: string) => ({ ...withNodes(1), description: text });
    const overhead = JSON.stringify(padded('')).length;
    expect(checkDefinitionLimits(padded('x'.repeat(DEFINITION_LIMITS.bytes - overhead)))).toEqual([]);
    // Each € is 3 bytes of UTF-8 but one character of the string.
    const [problem] = checkDefinitionLimits(padded('€'.repeat(DEFINITION_LIMITS.bytes / 3)));
    expect(problem).toMatchObject({ code: 'too-large', message: expect.stringContaining('the limit is 1048576 bytes (1 MiB)') });
  });

  it('refuses objects and arrays nested past the limit anywhere, naming where', () => {
    const within = { ...withNodes(1), variables: { deep: nestedArrays(DEFINITION_LIMITS.jsonDepth - 2) } };
    expect(checkDefinitionLimits(within)).toEqual([]);
    const [problem] = checkDefinitionLimits({ ...withNodes(1), variables: { deep: nestedArrays(DEFINITION_LIMITS.jsonDepth - 1) } });
    expect(problem).toMatchObject({ code: 'too-large', message: expect.stringMatching(/more than 64 levels deep at \/variables\/deep(\/0){62}; the limit is 64$/) });
  });

  it('stays bounded on hostile nesting: 100,000 forEach levels, or a million nested arrays', () => {
    const started = performance.now();
    const [tooDeep, nesting] = checkDefinitionLimits(nested(100_000));
    expect(tooDeep).toMatchObject({ code: 'too-large', field: 'body', nodeId: 'each6' });
    expect(nesting?.message).toContain('more than 64 levels deep');
    const [problem] = checkDefinitionLimits({ ...withNodes(1), variables: { deep: nestedArrays(1_000_000) } });
    expect(problem?.message).toContain('more than 64 levels deep at /variables/deep/0/0');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
