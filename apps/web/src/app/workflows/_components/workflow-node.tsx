'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { isWarning } from '@cascade/workflow';
import { problemLabel } from '@/designer/problems';
import { TARGET_HANDLE, type WorkflowFlowNode } from '@/designer/to-flow';
import styles from './designer.module.css';
import { severityOf } from './problem-fix';

const SHOWN_PROBLEMS = 1;

/**
 * One definition node on the canvas: its type, id or label, what it does, its problems, and a handle
 * per port. Its handles are connectable only where the canvas is: React Flow leaves that to them.
 */
export const WorkflowNodeCard = memo(function WorkflowNodeCard({ data, selected, isConnectable }: NodeProps<WorkflowFlowNode>) {
  const { node, typeLabel, summary, ports, problems } = data;
  const hasErrors = problems.some((problem) => !isWarning(problem));
  const className = [styles.node, selected && styles.nodeSelected, hasErrors ? styles.nodeInvalid : problems.length > 0 && styles.nodeWarned].filter(Boolean).join(' ');
  return (
    <div className={className} data-testid={`node-${node.id}`} title={problems.map(problemLabel).join('\n') || undefined}>
      {data.acceptsIncoming && (
        <Handle type="target" position={Position.Top} id={TARGET_HANDLE} isConnectable={isConnectable} data-testid={`handle-${node.id}-${TARGET_HANDLE}`} />
      )}
      <div className={styles.nodeType}>{typeLabel}</div>
      <div className={styles.nodeTitle}>
        {node.label ? <>{node.label} <code className={styles.nodeId}>{node.id}</code></> : <code>{node.id}</code>}
      </div>
      <div className={styles.nodeSummary}>{summary}</div>
      {problems.length > 0 && (
        <ul className={styles.nodeProblems} data-testid="node-problems">
          {problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
            <li key={index} data-severity={severityOf(problem)}>
              {isWarning(problem) ? 'Warning: ' : ''}
              {problem.field ? `${problem.field}: ` : ''}
              {problem.message}
            </li>
          ))}
          {problems.length > SHOWN_PROBLEMS && <li>and {problems.length - SHOWN_PROBLEMS} more</li>}
        </ul>
      )}
      {ports.length > 0 && (
        <div className={styles.ports}>
          {ports.map((port) => (
            <div key={port} className={port === 'error' ? `${styles.port} ${styles.errorPort}` : styles.port}>
              {port}
              <Handle type="source" position={Position.Bottom} id={port} isConnectable={isConnectable} data-testid={`handle-${node.id}-${port}`} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
