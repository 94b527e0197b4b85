'use client';

import { useConnection, useStore, type ConnectionState } from '@xyflow/react';
import { DEFAULT_PORT } from '@cascade/workflow';
import { newEdgeProblem, type Connection } from '@/designer/edit';
import type { DraftDefinition } from '@/designer/draft';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';

const OFFSET = 16;
const HINT_WIDTH = 260;

/** Says, beside the pointer, why the edge being drawn would be refused there; nothing while it would not. */
export function ConnectionHint() {
  const { definition } = useDesigner();
  const connection = useConnection();
  const container = useStore((store) => store.domNode);
  const paneWidth = useStore((store) => store.width);
  if (!connection.inProgress) return null;
  const reason = refusal(definition, connection, () => nodeUnder(container, connection.pointer));
  if (!reason) return null;
  const { x, y } = connection.pointer;
  // Beside the pointer, on its left where the right would run out of the canvas.
  const side = x + OFFSET + HINT_WIDTH > paneWidth ? { right: paneWidth - x + OFFSET } : { left: x + OFFSET };
  return (
    <div role="status" className={styles.connectionHint} style={{ ...side, top: y + OFFSET, maxWidth: HINT_WIDTH }} data-testid="connection-refused">
      {reason}
    </div>
  );
}

type InProgress = Extract<ConnectionState, { inProgress: true }>;

/**
 * Why the connection under way cannot end where the pointer is. React Flow finds a handle near the
 * pointer and asks `isValidConnection`; where it found none but the pointer is on a card (a trigger
 * has no handle to find), the card is asked about instead, so "a trigger has no input" is said too.
 */
function refusal(definition: DraftDefinition, connection: InProgress, cardUnderPointer: () => string | undefined): string | undefined {
  const { fromHandle, fromNode, toHandle } = connection;
  if (toHandle) {
    if (connection.isValid !== false) return undefined;
    if (toHandle.type === fromHandle.type) return fromHandle.type === 'source' ? 'An output leads into a node’s input, not another output' : 'An input is entered from an output, not another input';
    const edge: Connection =
      fromHandle.type === 'source'
        ? { from: fromNode.id, port: fromHandle.id ?? DEFAULT_PORT, to: toHandle.nodeId }
        : { from: toHandle.nodeId, port: toHandle.id ?? DEFAULT_PORT, to: fromNode.id };
    return newEdgeProblem(definition, edge);
  }
  if (fromHandle.type !== 'source') return undefined;
  const to = cardUnderPointer();
  return to && to !== fromNode.id ? newEdgeProblem(definition, { from: fromNode.id, port: fromHandle.id ?? DEFAULT_PORT, to }) : undefined;
}

/** The id of the card under the pointer (given inside the canvas), if any. */
function nodeUnder(container: HTMLDivElement | null, pointer: { x: number; y: number }): string | undefined {
  if (!container) return undefined;
  const bounds = container.getBoundingClientRect();
  const element = document.elementFromPoint(bounds.left + pointer.x, bounds.top + pointer.y);
  return element?.closest('.react-flow__node')?.getAttribute('data-id') ?? undefined;
}
