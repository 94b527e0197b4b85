'use client';

import { NODE_TYPES, nodeTypes } from '@cascade/workflow';
import { newNodePlace } from '@/designer/new-node';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';

/** Adds a node of any type below the others (inside the body of a selected step) and selects it, so the inspector opens on it. */
export function Palette({ selectedNodeId }: { selectedNodeId: string | undefined }) {
  const { definition, dispatch, readOnly } = useDesigner();
  return (
    <nav className={styles.palette} aria-label="Add a node">
      <h2>Add</h2>
      {NODE_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          className={styles.paletteItem}
          title={nodeTypes[type].designer.hint}
          disabled={readOnly}
          data-testid={`palette-${type}`}
          onClick={() => dispatch({ type: 'addNode', nodeType: type, ...newNodePlace(definition, selectedNodeId) })}
        >
          {nodeTypes[type].designer.label}
        </button>
      ))}
    </nav>
  );
}
