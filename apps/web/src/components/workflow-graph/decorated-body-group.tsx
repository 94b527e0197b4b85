'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import groupStyles from '@/app/workflows/_components/body-group/body-group.module.css';
import { OutputPorts } from '@/app/workflows/_components/workflow-node';
import { BODY_HEADER } from '@/designer/group-geometry';
import { TARGET_HANDLE, type WorkflowFlowNode } from '@/designer/to-flow';
import type { DecoratedNodeData } from './decorated-node';
import styles from './read-only-graph.module.css';

/**
 * A node holding a body (a forEach) drawn open, as the designer's group draws it, to look at only:
 * its card on top, its steps inside as child nodes, the entry port leading down into them. In a
 * run it is framed by its state with a caption, as every decorated card is.
 */
export const DecoratedBodyGroup = memo(function DecoratedBodyGroup({ id, data }: NodeProps<WorkflowFlowNode>) {
  const { node, typeLabel, summary, ports, decoration } = data as DecoratedNodeData;
  const body = data.body!;
  const group = (
    <div className={groupStyles.group} data-testid={`node-${node.id}`} data-body="open">
      {data.acceptsIncoming && <Handle type="target" position={Position.Top} id={TARGET_HANDLE} isConnectable={false} />}
      <div className={groupStyles.header}>
        <div className={groupStyles.type}>{typeLabel}</div>
        <div className={groupStyles.title}>{node.label ? <>{node.label} <code className={groupStyles.id}>{node.id}</code></> : <code>{node.id}</code>}</div>
        <div className={groupStyles.summary}>{summary}</div>
      </div>
      <span className={groupStyles.entry} style={{ left: body.entryX, top: BODY_HEADER }}>{body.port}</span>
      <Handle type="source" position={Position.Bottom} id={body.port} isConnectable={false} style={{ left: body.entryX, top: BODY_HEADER, bottom: 'auto' }} />
      <OutputPorts nodeId={node.id} ports={ports} isConnectable={false} styles={groupStyles} />
    </div>
  );
  if (!decoration) return group;
  return (
    <div className={`${styles.decorated} ${styles.decoratedGroup} ${styles[decoration.state] ?? ''}`} data-state={decoration.state} data-testid={`run-node-${id}`}>
      <div className={styles.caption} data-testid="run-node-caption">{decoration.caption}</div>
      {group}
    </div>
  );
});
