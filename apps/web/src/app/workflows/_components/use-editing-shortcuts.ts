'use client';

import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, type Dispatch } from 'react';
import { besideOriginal, copyNodes, type Clipboard } from '@/designer/clipboard';
import { removeEdges, removeNodes } from '@/designer/edit';
import { commandFor, isTextEntry, type Command } from '@/designer/shortcuts';
import type { DesignerAction, DesignerState } from '@/designer/store';

/**
 * Copied nodes, kept for the tab's lifetime so they can be pasted into another workflow opened
 * after; the system clipboard is left to text, which the JSON view and import handle.
 */
let clipboard: Clipboard | undefined;

interface EditingShortcuts {
  state: DesignerState;
  dispatch: Dispatch<DesignerAction>;
  readOnly: boolean;
  onSave: () => void;
  onShowShortcuts: () => void;
}

/** The designer's keyboard: undo/redo, clipboard, delete, select all, save and the shortcut sheet. */
export function useEditingShortcuts(options: EditingShortcuts) {
  const { screenToFlowPosition } = useReactFlow();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const pointer = useRef<{ x: number; y: number } | undefined>(undefined);

  useEffect(() => {
    const track = (event: PointerEvent) => {
      pointer.current = { x: event.clientX, y: event.clientY };
    };
    /** Where pasted nodes go: at the pointer when it is over the canvas, else the canvas's middle. */
    const pastePosition = () => {
      const rect = document.querySelector('[data-testid="designer-canvas"]')?.getBoundingClientRect();
      const at = pointer.current;
      const inside = rect && at && at.x >= rect.left && at.x <= rect.right && at.y >= rect.top && at.y <= rect.bottom;
      const screen = inside ? at : rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 0, y: 0 };
      return screenToFlowPosition(screen);
    };
    const run = (command: Command) => {
      const { state, dispatch, readOnly, onSave, onShowShortcuts } = latest.current;
      // The trigger is the workflow's root: deleting it by a stray key press is never intended.
      const deletable = () => {
        const triggers = new Set(state.definition.nodes.filter((node) => node.type === 'trigger').map((node) => node.id));
        return state.selectedNodeIds.filter((id) => !triggers.has(id));
      };
      const deleteSelection = () => {
        const nodes = deletable();
        if (nodes.length === 0 && state.selectedEdgeIds.length === 0) return;
        dispatch({ type: 'edit', apply: (d) => removeEdges(removeNodes(d, nodes), state.selectedEdgeIds) });
      };
      switch (command) {
        case 'shortcuts':
          return onShowShortcuts();
        case 'selectAll':
          return dispatch({ type: 'selectAll' });
        case 'deselect':
          dispatch({ type: 'selectNodes', ids: [] });
          return dispatch({ type: 'selectEdges', ids: [] });
        case 'copy':
          clipboard = copyNodes(state.definition, state.selectedNodeIds) ?? clipboard;
          return;
      }
      if (readOnly) return;
      switch (command) {
        case 'save':
          return onSave();
        case 'undo':
        case 'redo':
          return dispatch({ type: command });
        case 'delete':
          return deleteSelection();
        case 'cut':
          clipboard = copyNodes(state.definition, state.selectedNodeIds) ?? clipboard;
          return deleteSelection();
        case 'paste':
          if (clipboard) dispatch({ type: 'paste', clipboard, at: pastePosition() });
          return;
        case 'duplicate': {
          const copied = copyNodes(state.definition, state.selectedNodeIds);
          if (copied) dispatch({ type: 'paste', clipboard: copied, at: besideOriginal(copied) });
        }
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandFor(event);
      if (!command || event.defaultPrevented) return;
      // Ctrl-S saves from anywhere, a field included; the rest belongs to a field being typed into.
      if (command !== 'save' && isTextEntry(event.target)) return;
      event.preventDefault();
      run(command);
    };
    document.addEventListener('pointermove', track, { passive: true });
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointermove', track);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [screenToFlowPosition]);
}
