'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { isWarning } from '@cascade/workflow';
import { cardFacts, nodeCardOf } from '@/designer/node-cards';
import { estimatedNodeHeight, TARGET_HANDLE, type WorkflowFlowNode } from '@/designer/to-flow';
import styles from './designer.module.css';
import { ProblemBadge } from './problem-badge';

/**
 * One definition node on the canvas, as its type's card (designer/node-cards.ts) says: a coloured
 * mark, its type and name, the essentials of what it does in a fixed number of lines, its validation
 * state, and a handle per port. Every card of a given port count has one height, set here from
 * the size the canvas was told before drawing it. Its handles are connectable only where the
 * canvas is: React Flow leaves that to them.
 */
/** The class names a card's CSS module gives its row of output ports. */
interface PortStyles {
  ports?: string;
  port?: string;
  errorPort?: string;
}

/** A node's output ports along its bottom edge, each named and with its handle; the error port in red. */
export function OutputPorts({ nodeId, ports, isConnectable, styles: css }: { nodeId: string; ports: readonly string[]; isConnectable: boolean; styles: PortStyles }) {
  if (ports.length === 0) return null;
  return (
    <div className={css.ports}>
      {ports.map((port) => (
        <div key={port} className={port === 'error' ? `${css.port} ${css.errorPort}` : css.port}>
          {port}
          <Handle type="source" position={Position.Bottom} id={port} isConnectable={isConnectable} data-testid={`handle-${nodeId}-${port}`} />
        </div>
      ))}
    </div>
  );
}

export const WorkflowNodeCard = memo(function WorkflowNodeCard({ data, selected, isConnectable }: NodeProps<WorkflowFlowNode>) {
  const { node, typeLabel, ports, problems } = data;
  const card = nodeCardOf(node.type);
  const facts = cardFacts(node);
  const hasErrors = problems.some((problem) => !isWarning(problem));
  const validation = hasErrors ? 'invalid' : problems.length > 0 ? 'warned' : 'valid';
  const className = [styles.node, selected && styles.nodeSelected, hasErrors ? styles.nodeInvalid : problems.length > 0 && styles.nodeWarned].filter(Boolean).join(' ');
  return (
    <div className={className} style={{ height: estimatedNodeHeight(ports.length) }} data-testid={`node-${node.id}`} data-family={card.family} data-validation={validation}>
      {data.acceptsIncoming && (
        <Handle type="target" position={Position.Top} id={TARGET_HANDLE} isConnectable={isConnectable} data-testid={`handle-${node.id}-${TARGET_HANDLE}`} />
      )}
      <div className={styles.cardHeader}>
        <span className={styles.cardMark} data-family={card.family} aria-hidden="true">{card.mark}</span>
        <div className={styles.cardHeading}>
          <div className={styles.nodeType}>{typeLabel}</div>
          <div className={styles.nodeTitle}>
            {node.label ? <>{node.label} <code className={styles.nodeId}>{node.id}</code></> : <code>{node.id}</code>}
          </div>
        </div>
        <ProblemBadge nodeId={node.id} problems={problems} />
      </div>
      <dl className={styles.cardFacts} data-testid="node-facts">
        {facts.map((fact, index) => (
          <div key={index} className={styles.cardFact}>
            <dt>{fact.label}</dt>
            <dd className={fact.code ? styles.cardCode : undefined} title={fact.value}>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <OutputPorts nodeId={node.id} ports={ports} isConnectable={isConnectable} styles={styles} />
    </div>
  );
});
