'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useDesigner } from './designer-context';

/** Selects a node and brings it to the middle of the canvas at full size; false when the canvas has no such node. */
export function useZoomToNode(): (id: string) => boolean {
  const { getInternalNode, setCenter } = useReactFlow();
  const { dispatch } = useDesigner();
  return useCallback(
    (id: string) => {
      const node = getInternalNode(id);
      if (!node) return false;
      const width = node.measured.width ?? node.initialWidth ?? 0;
      const height = node.measured.height ?? node.initialHeight ?? 0;
      dispatch({ type: 'selectNode', id });
      void setCenter(node.internals.positionAbsolute.x + width / 2, node.internals.positionAbsolute.y + height / 2, { zoom: 1, duration: 300 });
      return true;
    },
    [dispatch, getInternalNode, setCenter],
  );
}
