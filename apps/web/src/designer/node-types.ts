import { isNodeType, nodeTypes } from '@cascade/workflow';
import type { DraftNode } from './draft';

const MAX_SUMMARY = 60;
const clip = (summary: string) => (summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary);

/** The node type's name on the palette, the inspector and the card; a draft may hold any type. */
export function nodeTypeLabel(type: string): string {
  return isNodeType(type) ? nodeTypes[type].designer.label : type || 'untyped';
}

/** One line saying what the node does, for its card on the canvas. */
export function nodeSummary(node: DraftNode): string {
  return clip(isNodeType(node.type) ? nodeTypes[node.type].designer.summary(node) : `unknown type "${node.type}"`);
}
