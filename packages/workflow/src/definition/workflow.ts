import { z } from 'zod';
import { forEachNodeSchema, nodeTypes, type NodeType, type ShallowNode } from '../nodes';
import { identifier } from './fields';
import { stickyNotesSchema } from './notes';

/**
 * The workflow definition of DESIGN.md §5. The stored JSON is the source of truth and the canvas
 * a view of it, so nothing here has defaults: parsing a definition returns exactly what was stored.
 * These schemas check shape; `validateWorkflow` checks meaning (graph, catalog, expressions).
 */

export const edgeSchema = z.strictObject({
  id: z.string().min(1, 'An edge id is required'),
  from: z.string().min(1),
  to: z.string().min(1),
  /** The outgoing branch of `from` this edge leaves by; `next` when absent. */
  port: z.string().min(1).optional(),
});
export type WorkflowEdge = z.output<typeof edgeSchema>;

/** A forEach body: a graph of its own, entered through the forEach's `item` port. */
export interface SubFlow {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

/** Every action a flow calls, forEach bodies included. */
export function actionsCalledBy(flow: SubFlow): Set<string> {
  const called = new Set<string>();
  for (const node of flow.nodes) {
    if (node.type === 'action') called.add(node.action);
    if (node.type === 'forEach') for (const action of actionsCalledBy(node.body)) called.add(action);
  }
  return called;
}

export type ForEachNode = z.output<ReturnType<typeof forEachNodeSchema<z.ZodType<SubFlow>>>>;
/** A node with its forEach body parsed as nodes of their own. */
export type WorkflowNode = Exclude<ShallowNode, { type: 'forEach' }> | ForEachNode;
export type NodeOf<Type extends NodeType> = Extract<WorkflowNode, { type: Type }>;

export const subFlowSchema: z.ZodType<SubFlow> = z.lazy(() => z.strictObject({ nodes: z.array(workflowNodeSchema), edges: z.array(edgeSchema) }));

/** Every node type's schema, a forEach's with its body parsed as a sub-flow: each is a strict object with a `type` literal. */
const nodeSchemas = Object.values(nodeTypes).map((type) => (type.type === 'forEach' ? forEachNodeSchema(subFlowSchema) : type.schema)) as unknown as [
  z.core.$ZodTypeDiscriminable,
  ...z.core.$ZodTypeDiscriminable[],
];

export const workflowNodeSchema = z.discriminatedUnion('type', nodeSchemas) as unknown as z.ZodType<WorkflowNode>;

export const workflowDefinitionSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().trim().min(1, 'A workflow needs a name'),
  description: z.string().optional(),
  nodes: z.array(workflowNodeSchema),
  edges: z.array(edgeSchema),
  /** Run variables and their initial values; `setVariables` nodes change them. */
  variables: z.record(identifier, z.json()).optional(),
  /** Sticky notes for the canvas's readers; nothing that runs the workflow reads them. */
  notes: stickyNotesSchema.optional(),
});
export type WorkflowDefinition = z.output<typeof workflowDefinitionSchema>;
