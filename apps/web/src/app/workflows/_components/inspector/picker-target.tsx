'use client';

import { createContext, use, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ScopeField } from '@cascade/workflow';
import type { ExpressionScope } from '@/designer/suggestions';

/** The input a field clicked in the data picker goes into: the one focused last. */
export interface PickerTarget {
  /** What the picker says it maps into: `input.amount`, `Filter`. */
  label: string;
  /** What that input's expressions see: the run, or one event alone. */
  scope: ExpressionScope;
  /** Puts the picked path into the input, as that input holds it (an expression, a mapping leaf). */
  accept: (path: string) => void;
}

/** A field being dragged out of the picker: the inputs it may be dropped on light up, and say whether it fits. */
export interface DraggedField {
  field: ScopeField;
  /** The scope the picker listed it from: only inputs that see the same may take it. */
  scope: ExpressionScope;
}

/** The field being dragged, known at once (a drop may follow its start straight away) and rendered a tick later. */
export interface FieldDragging {
  /** What the inputs draw while a field is dragged. */
  dragged: DraggedField | undefined;
  /** The same, as of this very event: whether an input may take a drop does not wait for a render. */
  draggedNow: () => DraggedField | undefined;
  /** Changing the page within dragstart itself can make Chromium cancel the drag, so the render waits a tick. */
  startDrag: (dragged: DraggedField) => void;
  endDrag: () => void;
}

interface PickerTargetValue extends FieldDragging {
  target: PickerTarget | undefined;
  setTarget: (target: PickerTarget) => void;
}

const PickerTargetContext = createContext<PickerTargetValue>({
  target: undefined,
  setTarget: () => {},
  dragged: undefined,
  draggedNow: () => undefined,
  startDrag: () => {},
  endDrag: () => {},
});

export function PickerTargetProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<PickerTarget>();
  const dragging = useFieldDragging();
  const value = useMemo(() => ({ target, setTarget, ...dragging }), [target, dragging]);
  return <PickerTargetContext value={value}>{children}</PickerTargetContext>;
}

function useFieldDragging(): FieldDragging {
  const [dragged, setDragged] = useState<DraggedField>();
  const now = useRef<DraggedField>(undefined);
  return useMemo(
    () => ({
      dragged,
      draggedNow: () => now.current,
      startDrag: (next: DraggedField) => {
        now.current = next;
        setTimeout(() => setDragged(next));
      },
      endDrag: () => {
        now.current = undefined;
        setTimeout(() => setDragged(undefined));
      },
    }),
    [dragged],
  );
}

export const usePickerTarget = () => use(PickerTargetContext);

/** Inserts `insert` over the selection of a text control, and puts the caret after it. */
export function insertAtCaret(element: HTMLInputElement | HTMLTextAreaElement | null, value: string, insert: string): { text: string; caret: number } {
  const start = element?.selectionStart ?? value.length;
  const end = element?.selectionEnd ?? value.length;
  return { text: value.slice(0, start) + insert + value.slice(end), caret: start + insert.length };
}
