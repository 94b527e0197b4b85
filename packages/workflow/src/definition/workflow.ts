import { z } from 'zod';
import { identifier } from './fields';
import { forEachNodeSchema, leafNodeSchemas } from './nodes';

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

type LeafNodeSchemas = typeof leafNodeSchemas;
type LeafNode = { [Type in keyof LeafNodeSchemas]: z.output<LeafNodeSchemas[Type]> }[keyof LeafNodeSchemas];
export type ForEachNode = z.output<ReturnType<typeof forEachNodeSchema<z.ZodType<SubFlow>>>>;
export type WorkflowNode = LeafNode | ForEachNode;
export type NodeType = WorkflowNode['type'];
export type NodeOf<Type extends NodeType> = Extract<WorkflowNode, { type: Type }>;

export const subFlowSchema: z.ZodType<SubFlow> = z.lazy(() => z.strictObject({ nodes: z.array(workflowNodeSchema), edges: z.array(edgeSchema) }));

const { trigger, action, condition, parallel, join, delay, waitForEvent, approval, emit, setVariables, subWorkflow, end, fail } = leafNodeSchemas;

export const workflowNodeSchema: z.ZodType<WorkflowNode> = z.discriminatedUnion('type', [
  trigger, action, condition, leafNodeSchemas.switch, parallel, join, forEachNodeSchema(subFlowSchema),
  delay, waitForEvent, approval, emit, setVariables, subWorkflow, end, fail,
]);

/**
 * Each node type's schema, one level deep: a forEach's body nodes are left unparsed here so the
 * validator can parse them one by one and address each problem by the body node's own id.
 */
export const nodeSchemasByType = {
  trigger, action, condition, switch: leafNodeSchemas.switch, parallel, join,
  forEach: forEachNodeSchema(z.strictObject({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) })),
  delay, waitForEvent, approval, emit, setVariables, subWorkflow, end, fail,
} satisfies Record<NodeType, z.ZodType>;

/** A node as `nodeSchemasByType` parses it: a forEach's body is still raw JSON. */
export type ShallowNode = z.output<(typeof nodeSchemasByType)[NodeType]>;

export const NODE_TYPES = Object.keys(nodeSchemasByType) as NodeType[];

export function isNodeType(type: unknown): type is NodeType {
  return typeof type === 'string' && Object.hasOwn(nodeSchemasByType, type);
}

export const workflowDefinitionSchema = z.strictObject({
  schemaVersion: z.literal(1),
  name: z.string().trim().min(1, 'A workflow needs a name'),
  description: z.string().optional(),
  nodes: z.array(workflowNodeSchema),
  edges: z.array(edgeSchema),
  /** Run variables and their initial values; `setVariables` nodes change them. */
  variables: z.record(identifier, z.json()).optional(),
});
export type WorkflowDefinition = z.output<typeof workflowDefinitionSchema>;
