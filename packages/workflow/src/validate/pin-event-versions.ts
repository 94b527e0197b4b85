import type { SubFlow, WorkflowDefinition, WorkflowNode } from '../definition/workflow';
import type { ValidationCatalog } from './catalog';

/**
 * The definition as it is published: each emit node that names no version emits the version that
 * was latest when it was published, for the life of that published version, so a later breaking
 * version of the event type never changes what a running workflow sends. Run it on a definition
 * `validateWorkflow` accepted with the same catalog.
 */
export function pinEventVersions(definition: WorkflowDefinition, catalog: ValidationCatalog): WorkflowDefinition {
  return { ...definition, ...pinFlow(definition, catalog) };
}

function pinFlow(flow: SubFlow, catalog: ValidationCatalog): SubFlow {
  return { nodes: flow.nodes.map((node) => pinNode(node, catalog)), edges: flow.edges };
}

function pinNode(node: WorkflowNode, catalog: ValidationCatalog): WorkflowNode {
  if (node.type === 'forEach') return { ...node, body: pinFlow(node.body, catalog) };
  if (node.type !== 'emit' || node.version !== undefined) return node;
  const latest = catalog.getEvent(node.event);
  if (!latest) throw new Error(`pinEventVersions: "${node.event}" is not in the catalog; validate the definition first`);
  return { ...node, version: latest.version };
}
