import type { NodeType, ShallowNode } from './workflow';

/** Port taken when a node fails after its retries: the try/catch of a workflow. */
export const ERROR_PORT = 'error';

/** Port of an edge that names none. */
export const DEFAULT_PORT = 'next';

/** Port of a forEach that leads into its body; its edges live in the body, not the outer graph. */
export const BODY_PORT = 'item';

/**
 * Each node type's outgoing ports (DESIGN.md §5); a switch adds one port per case. Every node that
 * runs something can fail, so it has `error`; a trigger runs nothing in the run, and `end` and `fail`
 * end their branch, so an edge leaving them would mean nothing.
 */
export const NODE_PORTS = {
  trigger: ['next'],
  action: ['next', ERROR_PORT],
  condition: ['true', 'false', ERROR_PORT],
  switch: ['default', ERROR_PORT],
  parallel: ['next', ERROR_PORT],
  join: ['next', ERROR_PORT],
  forEach: [BODY_PORT, 'done', ERROR_PORT],
  delay: ['next', ERROR_PORT],
  waitForEvent: ['received', 'timeout', ERROR_PORT],
  approval: ['approved', 'rejected', 'timeout', ERROR_PORT],
  emit: ['next', ERROR_PORT],
  setVariables: ['next', ERROR_PORT],
  subWorkflow: ['next', ERROR_PORT],
  end: [],
  fail: [],
} as const satisfies Record<NodeType, readonly string[]>;

/**
 * Ports that must lead somewhere. An unconnected port otherwise ends its branch quietly, which is
 * right for `timeout` or `default` but surely a mistake for a decision's own outcomes.
 */
const REQUIRED_PORTS: Partial<Record<NodeType, readonly string[]>> = {
  trigger: ['next'],
  condition: ['true', 'false'],
  forEach: [BODY_PORT],
  waitForEvent: ['received'],
  approval: ['approved', 'rejected'],
};

export function portsOf(node: ShallowNode): string[] {
  const casePorts = node.type === 'switch' ? node.cases.map((c) => c.port) : [];
  return [...casePorts, ...NODE_PORTS[node.type]];
}

export function requiredPortsOf(node: ShallowNode): string[] {
  const casePorts = node.type === 'switch' ? node.cases.map((c) => c.port) : [];
  return [...casePorts, ...(REQUIRED_PORTS[node.type] ?? [])];
}
