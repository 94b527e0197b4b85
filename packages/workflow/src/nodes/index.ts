import type { z } from 'zod';
import { action } from './action';
import { approval } from './approval';
import { condition } from './condition';
import type { NodeTypeDefinition } from './define-node';
import { delay } from './delay';
import { emit } from './emit';
import { end } from './end';
import { fail } from './fail';
import { forEach } from './for-each';
import { join } from './join';
import { parallel } from './parallel';
import { setVariables } from './set-variables';
import { subWorkflow } from './sub-workflow';
import { switchNode } from './switch';
import { trigger } from './trigger';
import { waitForEvent } from './wait-for-event';

/**
 * Every node type of DESIGN.md §5, in the order the palette offers them. Adding a node type is a
 * module beside these, one line here, and its executor beside the interpreter in the worker.
 */
export const nodeTypes = {
  trigger,
  action,
  condition,
  switch: switchNode,
  parallel,
  join,
  forEach,
  delay,
  waitForEvent,
  approval,
  emit,
  setVariables,
  subWorkflow,
  end,
  fail,
};

type NodeTypes = typeof nodeTypes;
export type NodeType = keyof NodeTypes;

/** A node as its type's schema parses it: a forEach's body is still raw JSON. */
export type ShallowNode = { [Type in NodeType]: z.output<NodeTypes[Type]['schema']> }[NodeType];

export const NODE_TYPES = Object.keys(nodeTypes) as NodeType[];

export function isNodeType(type: unknown): type is NodeType {
  return typeof type === 'string' && Object.hasOwn(nodeTypes, type);
}

/** The definition of a node's type, typed for that node. */
export function nodeTypeOf<Node extends ShallowNode>(node: Node): NodeTypeDefinition<Node['type'], Node> {
  return nodeTypes[node.type] as unknown as NodeTypeDefinition<Node['type'], Node>;
}

/** A node's outgoing ports: a switch's cases first, then its type's own. */
export function portsOf(node: ShallowNode): string[] {
  const type = nodeTypeOf(node);
  return [...(type.casePorts?.(node) ?? []), ...type.ports];
}

/**
 * Ports that must lead somewhere. An unconnected port otherwise ends its branch quietly, which is
 * right for `timeout` or `default` but surely a mistake for a decision's own outcomes.
 */
export function requiredPortsOf(node: ShallowNode): string[] {
  const type = nodeTypeOf(node);
  return [...(type.casePorts?.(node) ?? []), ...(type.requiredPorts ?? [])];
}

/** The port by which a node of `type` enters the body it holds, or undefined when the type holds none. */
export function bodyPortOf(type: unknown): string | undefined {
  return isNodeType(type) ? (nodeTypes[type] as { body?: { port: string } }).body?.port : undefined;
}

/** The example the node type gives for one of its expression fields (`cases[2].expression` is any case's). */
export function expressionExample(type: string, field: string): string | undefined {
  return isNodeType(type) ? nodeTypes[type].designer.examples?.[field.replace(/\[\d+\]/g, '[]')] : undefined;
}

export { approvalFormFieldSchema, type ApprovalFormField } from './approval';
export { forEachNodeSchema } from './for-each';
export { waitsForAllBranches } from './join';
export type { LooseNode, NewNodeContext, NodeDesigner, NodeTypeDefinition, OutputFields, CatalogCheck } from './define-node';
