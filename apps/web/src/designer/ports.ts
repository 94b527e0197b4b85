import { BODY_PORT, DEFAULT_PORT, isNodeType, portsOf, type ShallowNode } from '@cascade/workflow';
import type { DraftEdge, DraftNode } from './draft';

/** A switch's case ports as far as its cases are written yet. */
function casePorts(node: DraftNode): Array<{ port: string; expression: string }> {
  const cases = Array.isArray(node.cases) ? (node.cases as unknown[]) : [];
  return cases.flatMap((c) => {
    const port = (c as { port?: unknown } | null)?.port;
    return typeof port === 'string' && port ? [{ port, expression: '' }] : [];
  });
}

/**
 * The outgoing ports the canvas draws for a node, in `portsOf` order. A forEach's item port leads
 * into its body, which is not drawn on the outer canvas, so it has no handle there.
 */
export function canvasPortsOf(node: DraftNode): string[] {
  if (!isNodeType(node.type)) return [];
  const shallow = (node.type === 'switch' ? { ...node, cases: casePorts(node) } : node) as unknown as ShallowNode;
  return portsOf(shallow).filter((port) => !(node.type === 'forEach' && port === BODY_PORT));
}

export const portOf = (edge: DraftEdge): string => edge.port ?? DEFAULT_PORT;

/** Whether the port may lead to several nodes: only a parallel node fans out. */
export const portFansOut = (node: DraftNode | undefined): boolean => node?.type === 'parallel';

/** Whether anything can lead into the node: a trigger starts the workflow and has no way in. */
export const acceptsIncoming = (node: DraftNode | undefined): boolean => node !== undefined && node.type !== 'trigger';
