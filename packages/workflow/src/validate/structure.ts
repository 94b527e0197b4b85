import { BODY_PORT, DEFAULT_PORT } from '../definition/port-names';
import { portsOf, requiredPortsOf } from '../nodes';
import type { WorkflowEdge } from '../definition/workflow';
import { findCycleEdges, reachableFrom } from '../graph';
import type { ParsedFlow, ParsedNode } from './parse-leniently';
import { problemAt, type Problem } from './problems';

/** Every flow of the workflow: the top level first, then each forEach body after the flow holding it. */
export function flowsOf(flow: ParsedFlow): ParsedFlow[] {
  return [flow, ...flow.nodes.flatMap((node) => (node.body ? flowsOf(node.body) : []))];
}

/** The node a flow starts from: the trigger, or the forEach whose body it is. */
export function entryOf(flow: ParsedFlow): ParsedNode | undefined {
  return flow.owner ?? flow.nodes.find((node) => node.type === 'trigger');
}

/** The nodes an edge of the flow may join: its own, and the forEach whose body it is. */
export function membersOf(flow: ParsedFlow): Map<string, ParsedNode> {
  const members = new Map(flow.nodes.map((node) => [node.id, node]));
  if (flow.owner) members.set(flow.owner.id, flow.owner);
  return members;
}

/** The edges between members of the flow: the graph the algorithms walk. */
export function graphEdgesOf(flow: ParsedFlow, members = membersOf(flow)): WorkflowEdge[] {
  return flow.edges.filter((edge) => members.has(edge.from) && members.has(edge.to));
}

/** Ids are unique across the whole workflow: expressions address any step by id alone. */
export function checkUniqueIds(flows: ParsedFlow[]): Problem[] {
  const problems: Problem[] = [];
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  for (const flow of flows) {
    for (const { id } of flow.nodes) {
      if (nodeIds.has(id)) problems.push(problemAt({ nodeId: id }, 'duplicate-node-id', `Another node already has the id "${id}"`, 'id'));
      nodeIds.add(id);
    }
    for (const { id } of flow.edges) {
      if (edgeIds.has(id)) problems.push(problemAt({ edgeId: id }, 'duplicate-edge-id', `Another edge already has the id "${id}"`, 'id'));
      edgeIds.add(id);
    }
  }
  return problems;
}

/** Triggers, edges, ports, reachability and cycles of one flow. */
export function checkFlowStructure(flow: ParsedFlow): Problem[] {
  const entry = entryOf(flow);
  const members = membersOf(flow);
  const edges = graphEdgesOf(flow, members);
  return [
    ...checkTriggers(flow),
    ...flow.edges.flatMap((edge) => checkEdge(edge, flow, members)),
    ...checkFanOut(edges, members),
    ...checkRequiredPorts(flow, members, edges),
    ...(entry ? checkReachability(flow, entry, edges) : []),
    ...(entry ? findCycleEdges([entry.id, ...members.keys()], edges).map(cycleProblem) : []),
  ];
}

function checkTriggers(flow: ParsedFlow): Problem[] {
  const triggers = flow.nodes.filter((node) => node.type === 'trigger');
  if (flow.owner) {
    return triggers.map((node) => problemAt(node.site, 'trigger-in-body', 'A forEach body cannot contain a trigger; it starts at the forEach’s item port'));
  }
  if (triggers.length === 0) return [problemAt({}, 'missing-trigger', 'A workflow needs a trigger: the event that starts it')];
  return triggers.slice(1).map((node) => problemAt(node.site, 'extra-trigger', `A workflow has exactly one trigger; "${triggers[0]!.id}" is already its trigger`));
}

/** The ports an edge may leave `node` by in this flow: a forEach's item port belongs to its body. */
function portsIn(flow: ParsedFlow, node: ParsedNode): string[] | undefined {
  if (node === flow.owner) return [BODY_PORT];
  return node.node && portsOf(node.node).filter((port) => port !== BODY_PORT);
}

function checkEdge(edge: WorkflowEdge, flow: ParsedFlow, members: Map<string, ParsedNode>): Problem[] {
  const site = { edgeId: edge.id };
  const where = flow.owner ? `the body of forEach "${flow.owner.id}"` : 'the workflow';
  const problems: Problem[] = [];
  if (!members.has(edge.from)) problems.push(problemAt(site, 'unknown-node', `The edge starts at "${edge.from}", which is not a node of ${where}`, 'from'));
  if (!members.has(edge.to)) problems.push(problemAt(site, 'unknown-node', `The edge ends at "${edge.to}", which is not a node of ${where}`, 'to'));
  const from = members.get(edge.from);
  const ports = from && portsIn(flow, from);
  const port = edge.port ?? DEFAULT_PORT;
  if (from && ports && !ports.includes(port)) {
    const message =
      port === BODY_PORT && from.type === 'forEach'
        ? `The item port of forEach "${from.id}" leads into its body; draw this edge inside the body`
        : ports.length === 0
          ? `"${from.id}" (${from.type}) ends its branch; no edge can leave it`
          : `"${from.id}" (${from.type}) has no port "${port}"; its ports are ${ports.join(', ')}`;
    problems.push(problemAt({ edgeId: edge.id, nodeId: from.id }, 'unknown-port', message, 'port'));
  }
  return problems;
}

/** One edge per port: branches run side by side only where a parallel node says so. */
function checkFanOut(edges: WorkflowEdge[], members: Map<string, ParsedNode>): Problem[] {
  const seen = new Set<string>();
  return edges.flatMap((edge) => {
    const port = edge.port ?? DEFAULT_PORT;
    const key = JSON.stringify([edge.from, port]);
    const first = !seen.has(key);
    seen.add(key);
    if (first || members.get(edge.from)?.type === 'parallel') return [];
    const message = `Port "${port}" of "${edge.from}" already has an edge; to run branches side by side, lead it into a parallel node`;
    return [problemAt({ edgeId: edge.id, nodeId: edge.from }, 'port-fan-out', message, `ports.${port}`)];
  });
}

function checkRequiredPorts(flow: ParsedFlow, members: Map<string, ParsedNode>, edges: WorkflowEdge[]): Problem[] {
  const leaving = new Set(edges.map((edge) => JSON.stringify([edge.from, edge.port ?? DEFAULT_PORT])));
  return [...members.values()].flatMap((node) => {
    const required = node === flow.owner ? [BODY_PORT] : (node.node ? requiredPortsOf(node.node) : []).filter((port) => port !== BODY_PORT);
    return required
      .filter((port) => !leaving.has(JSON.stringify([node.id, port])))
      .map((port) => {
        const message = port === BODY_PORT ? `The body of forEach "${node.id}" has no edge from its item port to the node it starts at` : `"${node.id}" (${node.type}) has no edge for its "${port}" outcome`;
        return problemAt(node.site, 'missing-port', message, `ports.${port}`);
      });
  });
}

function checkReachability(flow: ParsedFlow, entry: ParsedNode, edges: WorkflowEdge[]): Problem[] {
  const reached = reachableFrom(entry.id, edges);
  const from = flow.owner ? `the item port of forEach "${flow.owner.id}"` : `the trigger "${entry.id}"`;
  return flow.nodes
    .filter((node) => !reached.has(node.id) && node.type !== 'trigger')
    .map((node) => problemAt(node.site, 'unreachable', `No path leads from ${from} to "${node.id}"`));
}

function cycleProblem(edge: WorkflowEdge): Problem {
  const message = `The edge from "${edge.from}" back to "${edge.to}" closes a cycle; repeat work with a forEach instead`;
  return problemAt({ edgeId: edge.id, nodeId: edge.to }, 'cycle', message);
}
