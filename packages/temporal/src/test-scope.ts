import { ancestorsOf, bodyPortOf, type StepRecord, type WorkflowDefinition, type WorkflowNode } from '@cascade/workflow';
import type { RunResume } from './interpreter-contract';

/**
 * Which part of a draft a test run executes (README, "Testing one node"):
 * - `node`: the node alone, with the draft's pins as the earlier nodes' outputs;
 * - `upTo`: from the trigger up to the node, which is the last to run;
 * - `from`: from the node on, with the draft's pins as the earlier nodes' outputs.
 */
export type TestScopeMode = 'node' | 'upTo' | 'from';

export interface TestScope {
  mode: TestScopeMode;
  nodeId: string;
}

/** The item and position a body node tested alone sees as `steps.<owner>.item` / `.index`, by the id of the node holding the body. */
export type TestIterations = Record<string, { item: unknown; index: number }>;

/** What the interpreter is given for a scoped test run: the part of the draft it walks, and where it starts. */
export interface ScopedRun {
  definition: WorkflowDefinition;
  resume?: Pick<RunResume, 'nodeId' | 'steps' | 'vars'>;
}

/**
 * The part of `draft` a scoped test walks. `pinned` holds the pinned outputs by node id: they stand
 * in as `steps.<node>.output` for the nodes that do not run. The node must be a top-level node other
 * than the trigger, or for `node` one inside a body at any depth (the API checks that, naming the
 * field). The interpreter is unchanged: a test of one node is a run of a two-node slice resumed at
 * the node; "run from here" resumes the whole draft there; "run up to here" walks the node's
 * ancestors only and leaves the node by no edge. A body node tested alone is lifted to the top of
 * its slice, and `iterations` stand in for the iteration it would run in: as in a real one, inside
 * a body `steps.<owner>` is the current item, not the owner's pinned output.
 */
export function scopedRun(draft: WorkflowDefinition, scope: TestScope, pinned: Record<string, unknown>, iterations: TestIterations = {}): ScopedRun {
  const steps: Record<string, StepRecord> = {
    ...Object.fromEntries(Object.entries(pinned).map(([nodeId, output]) => [nodeId, { output }])),
    ...Object.fromEntries(Object.entries(iterations).map(([ownerId, { item, index }]) => [ownerId, { item, index }])),
  };
  const vars = { ...draft.variables };
  switch (scope.mode) {
    case 'node': {
      // The trigger stays: a flow starts from one. No edge, so the run ends with the node.
      const trigger = draft.nodes.filter((node) => node.type === 'trigger');
      const nodes = [...trigger, ...nodesAtAnyDepth(draft.nodes).filter((node) => node.id === scope.nodeId)];
      return { definition: { ...draft, nodes, edges: [] }, resume: { nodeId: scope.nodeId, steps: withoutKey(steps, scope.nodeId), vars } };
    }
    case 'from':
      return { definition: draft, resume: { nodeId: scope.nodeId, steps: withoutKey(steps, scope.nodeId), vars } };
    case 'upTo': {
      // Every node with a path to the target, and the edges among them: the paths not leading to it
      // are left out, and so is every edge out of the target. A join's incoming edges all come from
      // ancestors, so a join on the way still waits for all of its branches.
      const kept = ancestorsOf(scope.nodeId, draft.edges);
      kept.add(scope.nodeId);
      const nodes = draft.nodes.filter((node) => kept.has(node.id));
      const edges = draft.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to) && edge.from !== scope.nodeId);
      return { definition: { ...draft, nodes, edges } };
    }
  }
}

/** Every node, those in bodies at any depth too (the registry says which node types hold one). */
function nodesAtAnyDepth(nodes: readonly WorkflowNode[]): WorkflowNode[] {
  return nodes.flatMap((node) => {
    const body = bodyPortOf(node.type) === undefined ? undefined : (node as { body?: { nodes?: WorkflowNode[] } }).body;
    return [node, ...nodesAtAnyDepth(body?.nodes ?? [])];
  });
}

function withoutKey<Value>(record: Record<string, Value>, key: string): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}
