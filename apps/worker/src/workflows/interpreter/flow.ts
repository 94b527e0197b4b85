import { DEFAULT_PORT, type ForEachNode, type SubFlow, type WorkflowEdge, type WorkflowNode } from '@cascade/workflow/runtime';

/**
 * A graph the interpreter walks: the workflow's top level, or a forEach body. Lookups only; the
 * walking state lives in the interpreter's scopes.
 */
export class Flow {
  private readonly nodes = new Map<string, WorkflowNode>();
  private readonly outgoing = new Map<string, WorkflowEdge[]>();
  private readonly incoming = new Map<string, number>();

  /** `entries`: the nodes the flow starts at (the trigger; the targets of a forEach's `item` port). */
  private constructor(nodes: readonly WorkflowNode[], edges: readonly WorkflowEdge[], readonly entries: readonly string[]) {
    for (const node of nodes) this.nodes.set(node.id, node);
    for (const edge of edges) {
      if (!this.nodes.has(edge.from) || !this.nodes.has(edge.to)) continue;
      this.outgoing.set(edge.from, [...(this.outgoing.get(edge.from) ?? []), edge]);
      this.incoming.set(edge.to, (this.incoming.get(edge.to) ?? 0) + 1);
    }
    // An entry edge counts as an arrival too, so a body entry that joins branches waits for it.
    for (const entry of entries) this.incoming.set(entry, (this.incoming.get(entry) ?? 0) + 1);
  }

  static topLevel(flow: SubFlow): Flow {
    const trigger = flow.nodes.find((node) => node.type === 'trigger');
    if (!trigger) throw new Error('The workflow has no trigger node');
    return new Flow(flow.nodes, flow.edges, [trigger.id]);
  }

  static body(forEach: ForEachNode): Flow {
    const entries = forEach.body.edges.filter((edge) => edge.from === forEach.id).map((edge) => edge.to);
    return new Flow(forEach.body.nodes, forEach.body.edges, entries);
  }

  node(id: string): WorkflowNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`No node "${id}" in this flow`);
    return node;
  }

  nodeIds(): string[] {
    return [...this.nodes.keys()];
  }

  /** Targets of the edges leaving `id` by `port`. */
  targets(id: string, port: string): string[] {
    return this.edgesFrom(id).filter((edge) => (edge.port ?? DEFAULT_PORT) === port).map((edge) => edge.to);
  }

  /** Targets of the edges leaving `id` by any other port: the paths not taken. */
  targetsOtherThan(id: string, port: string | undefined): string[] {
    return this.edgesFrom(id).filter((edge) => (edge.port ?? DEFAULT_PORT) !== port).map((edge) => edge.to);
  }

  hasPort(id: string, port: string): boolean {
    return this.targets(id, port).length > 0;
  }

  incomingCount(id: string): number {
    return this.incoming.get(id) ?? 0;
  }

  private edgesFrom(id: string): WorkflowEdge[] {
    return this.outgoing.get(id) ?? [];
  }
}
