'use client';

import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, type Dispatch } from 'react';
import { besideOriginal, copyNodes, copyNotice, pasteTarget, type Clipboard } from '@/designer/clipboard';
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
  /** Says something in passing: what a copy of a selection spanning several flows left out. */
  onNotice: (message: string | undefined) => void;
}

/** The designer's keyboard: undo/redo, clipboard, delete, select all, save and the shortcut sheet. */
export function useEditingShortcuts(options: EditingShortcuts) {
  const { screenToFlowPosition, getInternalNode } = useReactFlow();
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
    /** The group the clipboard's nodes were copied from, as drawn now; undefined when it is folded or not drawn. */
    const sourceGroup = (copied: Clipboard, collapsed: readonly string[]) => {
      const owner = copied.scope.at(-1);
      const group = owner === undefined || collapsed.includes(owner) ? undefined : getInternalNode(owner);
      if (!group?.measured.width || !group.measured.height) return undefined;
      return { position: group.internals.positionAbsolute, width: group.measured.width, height: group.measured.height };
    };
    const copySelection = (state: DesignerState) => {
      const copied = copyNodes(state.definition, state.selectedNodeIds);
      latest.current.onNotice(copied && copyNotice(copied));
      return copied;
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
          clipboard = copySelection(state) ?? clipboard;
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
        case 'cut': {
          // Only what was copied goes: a selection spanning several flows keeps the part left out.
          const copied = copySelection(state);
          if (!copied) return deleteSelection();
          clipboard = copied;
          const ids = copied.nodes.map((node) => node.id);
          return dispatch({ type: 'edit', apply: (d) => removeEdges(removeNodes(d, ids), state.selectedEdgeIds) });
        }
        case 'paste':
          if (clipboard) dispatch({ type: 'paste', clipboard, ...pasteTarget(clipboard, pastePosition(), sourceGroup(clipboard, state.collapsedBodies)) });
          return;
        case 'duplicate': {
          const copied = copySelection(state);
          if (copied) dispatch({ type: 'paste', clipboard: copied, at: besideOriginal(copied), scope: copied.scope });
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
  }, [screenToFlowPosition, getInternalNode]);
}
