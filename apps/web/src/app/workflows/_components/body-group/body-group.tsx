'use client';

import { isWarning, NODE_TYPES, nodeTypes, type NodeType } from '@cascade/workflow';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { bodyOf } from '@/designer/draft';
import { BODY_HEADER, bodyDefaultPosition } from '@/designer/group-geometry';
import { newNodePosition } from '@/designer/new-node';
import { TARGET_HANDLE, type WorkflowFlowNode } from '@/designer/to-flow';
import { useDesigner } from '../designer-context';
import { OutputPorts } from '../workflow-node';
import styles from './body-group.module.css';

/** A body holds any step but a trigger: a body is entered by its node's port, not by an event. */
const STEP_TYPES = NODE_TYPES.filter((type) => type !== 'trigger');

/**
 * A node holding a body (a forEach), drawn as a group: its own card on top, the steps of its body
 * inside as child nodes, its entry port leading down into them, its other ports along the bottom.
 * Folded, it is a card with the number of its steps. Steps are added here or from the palette.
 */
export const BodyGroupCard = memo(function BodyGroupCard({ data, selected, isConnectable }: NodeProps<WorkflowFlowNode>) {
  const { dispatch, readOnly } = useDesigner();
  const { node, typeLabel, summary, ports, problems } = data;
  const body = data.body!;
  const hasErrors = problems.some((problem) => !isWarning(problem));
  const className = [styles.group, !body.expanded && styles.collapsed, selected && styles.selected, hasErrors ? styles.invalid : problems.length > 0 && styles.warned].filter(Boolean).join(' ');
  const addStep = (type: NodeType) => {
    const steps = bodyOf(node) ?? { nodes: [], edges: [] };
    dispatch({ type: 'addNode', nodeType: type, parent: node.id, position: newNodePosition(steps, undefined, bodyDefaultPosition) });
  };
  const entry = { x: body.entryX, y: BODY_HEADER };
  return (
    <div className={className} data-testid={`node-${node.id}`} data-body={body.expanded ? 'open' : 'folded'}>
      {data.acceptsIncoming && <Handle type="target" position={Position.Top} id={TARGET_HANDLE} isConnectable={isConnectable} data-testid={`handle-${node.id}-${TARGET_HANDLE}`} />}
      <div className={styles.header}>
        <div className={styles.type}>{typeLabel}</div>
        <div className={styles.title}>
          {node.label ? <>{node.label} <code className={styles.id}>{node.id}</code></> : <code>{node.id}</code>}
        </div>
        <div className={styles.summary}>{summary}</div>
        {problems.length > 0 && (
          <ul className={styles.problems} data-testid="node-problems">
            <li>{problems.length === 1 ? `${problems[0]!.field ? `${problems[0]!.field}: ` : ''}${problems[0]!.message}` : `${problems.length} problems: see the inspector`}</li>
          </ul>
        )}
        <div className={`${styles.controls} nodrag nopan`}>
          <button type="button" aria-expanded={body.expanded} onClick={() => dispatch({ type: 'toggleBody', id: node.id })} data-testid={`toggle-body-${node.id}`}>
            {body.expanded ? 'Fold body' : `Open body (${body.steps} step${body.steps === 1 ? '' : 's'})`}
          </button>
          {body.expanded && !readOnly && (
            <select
              aria-label={`Add a step to the body of ${node.id}`}
              value=""
              onChange={(event) => event.target.value && addStep(event.target.value as NodeType)}
              data-testid={`add-step-${node.id}`}
            >
              <option value="">+ add step</option>
              {STEP_TYPES.map((type) => (
                <option key={type} value={type}>{nodeTypes[type].designer.label}</option>
              ))}
            </select>
          )}
        </div>
      </div>
      {body.expanded && (
        <>
          <span className={styles.entry} style={{ left: entry.x, top: entry.y }}>{body.port}</span>
          <Handle
            type="source"
            position={Position.Bottom}
            id={body.port}
            isConnectable={isConnectable}
            style={{ left: entry.x, top: entry.y, bottom: 'auto' }}
            data-testid={`handle-${node.id}-${body.port}`}
          />
        </>
      )}
      <OutputPorts nodeId={node.id} ports={ports} isConnectable={isConnectable} styles={styles} />
    </div>
  );
});
