import type { NodeAggregate } from './node-aggregates';

/** What a node's card says about it in a run. */
export type NodeState = 'not-reached' | 'running' | 'waiting' | 'completed' | 'failed' | 'skipped';

export interface NodeRunState {
  nodeId: string;
  state: NodeState;
  /** Times it ran (more than one inside a forEach), finished or failed, and retries over all of them. */
  steps: number;
  completed: number;
  failed: number;
  retries: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** From its first start to its last finish, or to now while it runs or waits. */
  durationMs: number | null;
}

interface FlowNode { id: string; type: string }
interface FlowEdge { id: string; from: string; to: string; port?: string | undefined }

export interface RunSituation {
  runStatus: string;
  aggregates: readonly NodeAggregate[];
  /** Nodes parked now: an open wait or a pending approval, with when they began to wait. */
  parked: ReadonlyMap<string, Date>;
  now: Date;
}

const DEFAULT_PORT = 'next';
const ERROR_PORT = 'error';

/** The port a node left by, read from its last step (see `lastResult` in node-aggregates). */
export function portTaken(type: string, aggregate: NodeAggregate): string | undefined {
  if (aggregate.lastStatus === 'FAILED') return ERROR_PORT;
  if (aggregate.lastStatus === 'RUNNING') return undefined;
  const result = aggregate.lastResult;
  switch (type) {
    case 'condition': return result === true ? 'true' : 'false';
    case 'switch': return typeof result === 'string' ? result : 'default';
    case 'waitForEvent': return result === null ? 'timeout' : 'received';
    case 'approval': {
      const outcome = typeof result === 'object' && result !== null ? (result as { outcome?: unknown }).outcome : undefined;
      return typeof outcome === 'string' ? outcome : undefined;
    }
    case 'forEach': return 'done';
    case 'end': case 'fail': return undefined;
    default: return DEFAULT_PORT;
  }
}

/**
 * Each node's state in a run, and the edges the run took, from the per-node aggregates: a node
 * with steps completed or failed; one parked on a wait or an approval waiting; one the run has
 * reached by a taken edge but not yet recorded is running (a delay, waiting); one every path to
 * which was decided without reaching it was skipped; anything else was not reached. Edges from
 * outside the flow (a forEach body's entry edges) count as taken when `entered`, as not taken when
 * it is false (the body was decided against), and as undecided when it is undefined.
 */
export function deriveNodeStates(flow: { nodes: readonly FlowNode[]; edges: readonly FlowEdge[] }, situation: RunSituation, entered: boolean | undefined = true) {
  const byNode = new Map(situation.aggregates.map((aggregate) => [aggregate.nodeId, aggregate]));
  const types = new Map(flow.nodes.map((node) => [node.id, node.type]));
  const running = situation.runStatus === 'RUNNING';
  const errorPaths = new Set(flow.edges.filter((edge) => edge.port === ERROR_PORT).map((edge) => edge.from));
  const states = new Map<string, NodeState>();
  for (const node of flow.nodes) {
    const aggregate = byNode.get(node.id);
    if (situation.parked.has(node.id)) states.set(node.id, 'waiting');
    else if (aggregate) states.set(node.id, aggregate.failed > 0 ? 'failed' : aggregate.running > 0 ? 'running' : 'completed');
  }
  const edgeTaken = (edge: FlowEdge): boolean | undefined => {
    if (!types.has(edge.from)) return entered;
    const aggregate = byNode.get(edge.from);
    if (!aggregate) return states.get(edge.from) === 'skipped' ? false : undefined;
    const port = portTaken(types.get(edge.from)!, aggregate);
    // A failure with no error path ended the run (or the iteration): what follows was not reached, not skipped.
    if (port === undefined || (port === ERROR_PORT && !errorPaths.has(edge.from))) return undefined;
    return (edge.port ?? DEFAULT_PORT) === port;
  };
  // Decided in graph order by repeating until nothing changes: the graph is acyclic outside forEach bodies.
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of flow.nodes) {
      if (states.has(node.id)) continue;
      const incoming = flow.edges.filter((edge) => edge.to === node.id).map(edgeTaken);
      let state: NodeState | undefined;
      if (incoming.some((taken) => taken === true)) state = running ? (types.get(node.id) === 'delay' ? 'waiting' : 'running') : 'not-reached';
      else if (incoming.length > 0 && incoming.every((taken) => taken === false)) state = 'skipped';
      if (state) {
        states.set(node.id, state);
        changed = true;
      }
    }
  }
  const taken = new Set(flow.edges.filter((edge) => edgeTaken(edge) === true && states.get(edge.to) !== 'skipped').map((edge) => edge.id));
  const nodes: NodeRunState[] = flow.nodes.map((node) => {
    const aggregate = byNode.get(node.id);
    const state = states.get(node.id) ?? 'not-reached';
    const parkedSince = situation.parked.get(node.id);
    const startedAt = aggregate?.firstStartedAt ?? parkedSince ?? null;
    const open = state === 'running' || state === 'waiting';
    const finishedAt = open ? null : (aggregate?.lastFinishedAt ?? null);
    const end = finishedAt ?? (open ? situation.now : null);
    return {
      nodeId: node.id,
      state,
      steps: aggregate?.steps ?? 0,
      completed: aggregate?.completed ?? 0,
      failed: aggregate?.failed ?? 0,
      retries: aggregate?.retries ?? 0,
      startedAt: startedAt?.toISOString() ?? null,
      finishedAt: finishedAt?.toISOString() ?? null,
      durationMs: startedAt && end ? Math.max(0, end.getTime() - startedAt.getTime()) : null,
    };
  });
  return { nodes, takenEdges: [...taken] };
}
