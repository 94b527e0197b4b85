'use client';

import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { useState } from 'react';
import { moveNodes } from '@/designer/edit';
import { tidyLayout } from '@/designer/layout';
import { addNote } from '@/designer/notes';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';
import { FindNode } from './find-node';

/** Fit the whole tidied graph, as small as it must be. */
const FIT_ALL = { padding: 0.1, minZoom: 0.2, maxZoom: 1 };

/** Above the canvas: tidy up, add a sticky note, find a node. */
export function CanvasTools({ collapsedBodies }: { collapsedBodies: readonly string[] }) {
  const { definition, dispatch, readOnly } = useDesigner();
  const { getInternalNode, fitView, getViewport } = useReactFlow();
  const paneSize = useStore((store) => ({ width: store.width, height: store.height }), (a, b) => a.width === b.width && a.height === b.height);
  const [tidying, setTidying] = useState(false);

  const tidyUp = async () => {
    setTidying(true);
    try {
      const positions = await tidyLayout(definition, (id) => {
        const { width, height } = getInternalNode(id)?.measured ?? {};
        return width && height ? { width, height } : undefined;
      }, new Set(collapsedBodies));
      dispatch({ type: 'edit', apply: (d) => moveNodes(d, positions) });
      requestAnimationFrame(() => void fitView(FIT_ALL));
    } finally {
      setTidying(false);
    }
  };
  const addNoteInView = () => {
    const { x, y, zoom } = getViewport();
    const at = { x: (paneSize.width / 2 - x) / zoom - 110, y: (paneSize.height / 2 - y) / zoom - 60 };
    dispatch({ type: 'edit', apply: (d) => addNote(d, at).definition });
  };

  return (
    <Panel position="top-left" className={styles.canvasTools}>
      {!readOnly && (
        <>
          <button type="button" className={styles.secondary} onClick={() => void tidyUp()} disabled={tidying} data-testid="tidy-up" title="Lay the workflow out top to bottom, branches in port order">
            {tidying ? 'Tidying…' : 'Tidy up'}
          </button>
          <button type="button" className={styles.secondary} onClick={addNoteInView} data-testid="add-note">
            Add note
          </button>
        </>
      )}
      <FindNode />
    </Panel>
  );
}
