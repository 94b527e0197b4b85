import { DEFAULT_PORT } from '../definition/port-names';
import { reachableFrom } from '../graph';
import { nodeTypeOf, type ShallowNode } from '../nodes';
import type { ValidationCatalog } from './catalog';
import type { ParsedFlow, ParsedNode, ParsedWorkflow } from './parse-leniently';
import { stepOrder, type StepOrder } from './step-order';
import { entryOf, flowsOf, graphEdgesOf } from './structure';

/** What the expressions of a workflow may refer to. */
export interface ReferenceScope {
  catalog: ValidationCatalog;
  /** The event type of the workflow's trigger, when it has one. */
  triggerEvent: string | undefined;
  /** Every node of the workflow by id, forEach bodies included. */
  nodes: ReadonlyMap<string, ParsedNode>;
  /** For each node inside a forEach body, that forEach. */
  bodyOwners: ReadonlyMap<string, string>;
  /** Which steps have certainly finished before each node. */
  stepOrder: StepOrder;
  variables: ReadonlySet<string>;
  /** The values `variables` declares, by name. */
  declaredVariables: ReadonlyMap<string, unknown>;
  /** Whether a path leads from the step's `port` to the node (its `error`: `steps.<step>.error` is set there). */
  leadsFrom(step: string, port: string, node: string): boolean;
}

/** The scope of a leniently parsed workflow; `variables` is the definition's own, for their values. */
export function referenceScopeOf(parsed: ParsedWorkflow, catalog: ValidationCatalog, variables: unknown): ReferenceScope {
  const flows = flowsOf(parsed.root);
  const nodes = flows.flatMap((flow) => flow.nodes);
  const checked = nodes.filter((node): node is ParsedNode & { node: ShallowNode } => node.node !== undefined);
  const declared = typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? Object.entries(variables) : [];
  return {
    catalog,
    triggerEvent: triggerEventOf(parsed.root),
    nodes: new Map(nodes.map((node) => [node.id, node])),
    bodyOwners: new Map(flows.flatMap(({ owner, nodes: inBody }) => (owner ? inBody.map((node) => [node.id, owner.id] as const) : []))),
    stepOrder: stepOrder(flows),
    variables: new Set([...parsed.declaredVariables, ...checked.flatMap(({ node }) => nodeTypeOf(node).assigns?.(node) ?? [])]),
    declaredVariables: new Map(declared),
    leadsFrom: portReach(flows),
  };
}

function portReach(flows: ParsedFlow[]): ReferenceScope['leadsFrom'] {
  const reached = new Map<string, Set<string>>();
  const edgesOfFlow = new Map<string, ReturnType<typeof graphEdgesOf>>();
  for (const flow of flows) {
    const edges = graphEdgesOf(flow);
    for (const edge of edges) edgesOfFlow.set(edge.from, edges);
  }
  return (step, port, node) => {
    const key = `${step}\u0000${port}`;
    let found = reached.get(key);
    if (!found) {
      const edges = edgesOfFlow.get(step) ?? [];
      found = new Set(edges.filter((edge) => edge.from === step && (edge.port ?? DEFAULT_PORT) === port).flatMap((edge) => [...reachableFrom(edge.to, edges)]));
      reached.set(key, found);
    }
    return found.has(node);
  };
}

function triggerEventOf(root: ParsedFlow): string | undefined {
  const trigger = entryOf(root)?.node;
  return trigger?.type === 'trigger' ? trigger.event : undefined;
}

/** Whether the node sits, at any depth, inside the body of the forEach. */
export function isInsideBody(nodeId: string, forEachId: string, bodyOwners: ReadonlyMap<string, string>): boolean {
  for (let owner = bodyOwners.get(nodeId); owner !== undefined; owner = bodyOwners.get(owner)) {
    if (owner === forEachId) return true;
  }
  return false;
}
