'use client';

import { useState, type DragEvent } from 'react';
import { carriesField, dropFit, readFieldDrag, type DropFit } from '@/designer/field-drag';
import type { ExpressionScope } from '@/designer/suggestions';
import styles from './mapping.module.css';
import { usePickerTarget, type DraggedField } from './picker-target';

/** What an input takes from a dragged field: fields of the scope it sees, of a type when it names one. */
export interface DropSpec {
  scope: ExpressionScope;
  /** The mapped key and its type, for the fit shown before the drop; none takes anything. */
  takes?: { name: string; type: string };
}

/** While a field is dragged: whether it fits this input, and whether it is over it now. */
export interface DropState {
  fit: DropFit;
  over: boolean;
}

const sameScope = (a: ExpressionScope, b: ExpressionScope) => a.kind === b.kind && (a.kind === 'run' || a.eventType === (b as typeof a).eventType);

/**
 * Makes an input a drop target for fields dragged out of the data picker: while one is dragged it
 * is outlined (in warning colour when the field's type does not fit it), and a drop hands the path
 * to `accept`, the same callback a click in the picker uses. Without `accept` the drop is left to
 * the control itself (the expression editor inserts where the field is dropped).
 */
export function useFieldDrop(spec: DropSpec | undefined, accept?: (path: string) => void) {
  const { dragged, draggedNow } = usePickerTarget();
  // Over with which drag: a drag that ended elsewhere leaves no input lit for the next one.
  const [overWith, setOverWith] = useState<DraggedField>();
  const offers = (candidate: DraggedField | undefined) => (spec && candidate && sameScope(spec.scope, candidate.scope) ? candidate : undefined);
  const offered = offers(dragged);
  const state: DropState | undefined = offered && { fit: dropFit(offered.field, spec?.takes), over: overWith === offered };
  /** Whether this input takes the field dragged at this moment (a drop may come before the render that lights it up). */
  const takesDrop = (data: DataTransfer | null) => offers(draggedNow()) !== undefined && carriesField(data);
  const allow = (event: DragEvent) => {
    if (!takesDrop(event.dataTransfer)) return false;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    return true;
  };
  const targetProps = {
    className: styles.dropTarget,
    'data-drop': state ? (state.fit.fits ? 'fits' : 'mismatch') : undefined,
    'data-drop-over': state?.over || undefined,
    onDragEnter: (event: DragEvent) => {
      if (allow(event)) setOverWith(draggedNow());
    },
    onDragOver: (event: DragEvent) => void allow(event),
    onDragLeave: (event: DragEvent) => {
      // Moving onto a child (a line of the editor) is not leaving.
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOverWith(undefined);
    },
    onDrop: (event: DragEvent) => {
      setOverWith(undefined);
      const path = accept && !event.defaultPrevented && takesDrop(event.dataTransfer) ? readFieldDrag(event.dataTransfer) : undefined;
      if (!path) return;
      event.preventDefault();
      accept?.(path);
    },
  };
  return { state, targetProps, takesDrop };
}

/** Beneath the input a field is dragged over: what dropping it does, or why its type does not fit. */
export function DropNote({ state, label }: { state: DropState | undefined; label: string }) {
  if (!state?.over) return null;
  return (
    <span className={styles.dropNote} data-testid="drop-note" data-fits={state.fit.fits}>
      {state.fit.fits ? `Drop to map it into ${label}` : `Type mismatch: ${state.fit.why}`}
    </span>
  );
}
