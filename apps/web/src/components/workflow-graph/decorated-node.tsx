'use client';

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { WorkflowNodeCard } from '@/app/workflows/_components/workflow-node';
import type { WorkflowFlowNode, WorkflowNodeData } from '@/designer/to-flow';
import styles from './read-only-graph.module.css';

/**
 * What a graph says about one node on its card: its state in a run with a short line (duration,
 * retries, iterations), or what a newer version did to it.
 */
export interface NodeDecoration {
  state: 'not-reached' | 'running' | 'waiting' | 'completed' | 'failed' | 'skipped' | 'added' | 'removed' | 'changed';
  /** "completed · 1.2 s · retried 2×", "changed · 2 fields" */
  caption: string;
}

export type DecoratedNodeData = WorkflowNodeData & { decoration?: NodeDecoration };

export const STATE_LABELS: Record<NodeDecoration['state'], string> = {
  'not-reached': 'not reached', running: 'running', waiting: 'waiting', completed: 'completed', failed: 'failed', skipped: 'skipped',
  added: 'added', removed: 'removed', changed: 'changed',
};

/**
 * The designer's card, framed by the node's state in a run with a caption above it. The caption
 * floats outside the card, so the card keeps its size and its handles stay where edges meet them.
 */
export const DecoratedNodeCard = memo(function DecoratedNodeCard(props: NodeProps<WorkflowFlowNode>) {
  const decoration = (props.data as DecoratedNodeData).decoration;
  if (!decoration) return <WorkflowNodeCard {...props} />;
  return (
    <div className={`${styles.decorated} ${styles[decoration.state] ?? ''}`} data-state={decoration.state} data-testid={`run-node-${props.id}`}>
      <div className={styles.caption} data-testid="run-node-caption">{decoration.caption}</div>
      <WorkflowNodeCard {...props} />
    </div>
  );
});
