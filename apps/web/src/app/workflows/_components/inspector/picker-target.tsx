'use client';

import { createContext, use, useMemo, useState, type ReactNode } from 'react';
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

interface PickerTargetValue {
  target: PickerTarget | undefined;
  setTarget: (target: PickerTarget) => void;
  dragged: DraggedField | undefined;
  setDragged: (dragged: DraggedField | undefined) => void;
}

const PickerTargetContext = createContext<PickerTargetValue>({ target: undefined, setTarget: () => {}, dragged: undefined, setDragged: () => {} });

export function PickerTargetProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<PickerTarget>();
  const [dragged, setDragged] = useState<DraggedField>();
  const value = useMemo(() => ({ target, setTarget, dragged, setDragged }), [target, dragged]);
  return <PickerTargetContext value={value}>{children}</PickerTargetContext>;
}

export const usePickerTarget = () => use(PickerTargetContext);

/** Inserts `insert` over the selection of a text control, and puts the caret after it. */
export function insertAtCaret(element: HTMLInputElement | HTMLTextAreaElement | null, value: string, insert: string): { text: string; caret: number } {
  const start = element?.selectionStart ?? value.length;
  const end = element?.selectionEnd ?? value.length;
  return { text: value.slice(0, start) + insert + value.slice(end), caret: start + insert.length };
}
