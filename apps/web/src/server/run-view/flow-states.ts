import { bodyOf, readDraft, type DraftEdge, type DraftNode } from '../../designer/draft';
import { deriveNodeStates, type NodeRunState, type NodeState, type RunSituation } from './node-states';

/**
 * A run's states over the whole definition: the top level, and every forEach body at any depth.
 * A body node's aggregate sums its steps over all iterations, as node-aggregates.ts sums them, so
 * its state is failed when one iteration failed it, running while one runs it, completed when all
 * that reached it completed it.
 */

export interface Flow {
  nodes: DraftNode[];
  edges: DraftEdge[];
}

export interface FlowNodeState extends NodeRunState {
  /** The forEach whose body holds the node; null at the top level. */
  inBodyOf: string | null;
  /** For a forEach: the iterations that left steps (over all iterations of the bodies around it). Null for other nodes. */
  iterations: number | null;
}

export interface BodyTracking {
  /** How many iterations of the forEach left steps. */
  iterationsOf: (forEachId: string) => number;
  /**
   * The body's edges taken in any iteration. Without it, a body's edges are read from its nodes'
   * summed aggregates: the ports their last steps left by.
   */
  takenInBody?: (forEachId: string, body: Flow) => Iterable<string>;
}

/**
 * The flow a node's body holds (the registry says which node types hold one), read leniently as a
 * draft is read: empty when it holds none.
 */
function flowOfBody(node: DraftNode): Flow {
  return readDraft(bodyOf(node) ?? {}, node.id).definition;
}

/** The definition's nodes with those of every forEach body, at any depth. */
export function flatNodes(nodes: readonly DraftNode[]): DraftNode[] {
  return nodes.flatMap((node) => [node, ...flatNodes(flowOfBody(node).nodes)]);
}

/**
 * Whether a forEach's body was entered: once an iteration left steps, its entry edge is taken and
 * what it leads to reached; a forEach that is over without one (no items) skipped its body; one
 * not reached yet has not decided.
 */
function bodyEntered(state: NodeState, iterations: number): boolean | undefined {
  if (iterations > 0) return true;
  return state === 'completed' || state === 'skipped' ? false : undefined;
}

/** Every node's state, outer ones before the nodes of their bodies, and the edges taken at every level. */
export function deriveFlowStates(flow: Flow, situation: RunSituation, tracking: BodyTracking): { nodes: FlowNodeState[]; takenEdges: string[] } {
  const nodes: FlowNodeState[] = [];
  const takenEdges: string[] = [];
  const visit = (graph: Flow, inBodyOf: string | null, entered: boolean | undefined) => {
    const derived = deriveNodeStates(graph, situation, entered);
    takenEdges.push(...(inBodyOf !== null && tracking.takenInBody ? tracking.takenInBody(inBodyOf, graph) : derived.takenEdges));
    const bodies: Array<[DraftNode, boolean | undefined]> = [];
    for (const [index, state] of derived.nodes.entries()) {
      const node = graph.nodes[index]!;
      const iterations = node.type === 'forEach' ? tracking.iterationsOf(node.id) : null;
      nodes.push({ ...state, inBodyOf, iterations });
      if (iterations !== null) bodies.push([node, bodyEntered(state.state, iterations)]);
    }
    for (const [node, bodyWas] of bodies) visit(flowOfBody(node), node.id, bodyWas);
  };
  visit(flow, null, true);
  return { nodes, takenEdges };
}
