'use client';

import { acceptCompletion, autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter } from '@codemirror/lint';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { EditorView, dropCursor, keymap, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { expressionCompletions } from '@/designer/expression/expression-completions';
import { readFieldDrag } from '@/designer/field-drag';
import { expressionDiagnostics } from '@/designer/expression/expression-diagnostics';
import { jsonataLanguage } from '@/designer/expression/jsonata-language';
import styles from '../designer.module.css';
import type { PickerSpec } from './autocomplete';
import { DropNote, useFieldDrop } from './field-drop';
import mappingStyles from './mapping.module.css';
import { usePickerTarget } from './picker-target';

interface ExpressionEditorProps {
  /** Its accessible name, the field's label: `Expression`, `Filter`, `message`. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Context paths to offer for the path being typed at the cursor. */
  suggestions: readonly string[];
  placeholder?: string;
  invalid?: boolean;
  readOnly?: boolean;
  testId?: string;
  /** Makes this editor the data picker's target when it takes focus. */
  picker?: PickerSpec;
}

/** A picked path goes in over the selection, as the target wraps it: clicked at the caret, dropped where it fell. */
function insertPicked(editor: EditorView, spec: PickerSpec, path: string): void {
  editor.dispatch(editor.state.replaceSelection(spec.wrap ? spec.wrap(path) : path));
  editor.focus();
}

/** A field dropped on the editor goes in where it was dropped; anything else (text, a field of another scope) is left to CodeMirror. */
function dropField(event: DragEvent, editor: EditorView, { picker: spec, takesDrop }: { picker?: PickerSpec; takesDrop: (data: DataTransfer | null) => boolean }): boolean {
  const path = spec && takesDrop(event.dataTransfer) ? readFieldDrag(event.dataTransfer) : undefined;
  if (!spec || !path) return false;
  const at = editor.posAtCoords({ x: event.clientX, y: event.clientY }, false);
  editor.dispatch({ selection: { anchor: at } });
  insertPicked(editor, spec, path);
  return true;
}

/** Marks a change that came from the definition rather than from typing: it is not reported back. */
const fromOutside = Annotation.define<boolean>();

/**
 * A JSONata expression in CodeMirror: highlighted, the fields in scope completed as they are typed
 * (Enter or Tab takes one), and a syntax error marked where it is, with the validator's message.
 * The text a user types is written through `onChange`; a value changed elsewhere (a fix applied,
 * undo) replaces the text.
 */
export function ExpressionEditor({ label, value, onChange, suggestions, placeholder, invalid, readOnly = false, testId, picker }: ExpressionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const { setTarget } = usePickerTarget();
  // The drop itself is CodeMirror's (below), at the position dropped on; this lights the editor up while a field is dragged.
  const { state: drop, targetProps, takesDrop } = useFieldDrop(readOnly ? undefined : picker);
  // Callbacks read the latest props: the editor is made once, and must not restart (and lose its cursor) on each render.
  const latest = useRef({ onChange, suggestions, picker, readOnly, setTarget, takesDrop });
  useLayoutEffect(() => {
    latest.current = { onChange, suggestions, picker, readOnly, setTarget, takesDrop };
  });
  // What the editor reported and the definition may not have echoed yet: a render of an older one
  // of these while typing goes on is not a change from outside, and must not undo the newer text.
  const unechoed = useRef<string[]>([]);
  const attributes = useRef(new Compartment());
  const editable = useRef(new Compartment());

  useEffect(() => {
    const becomeTarget = (editor: EditorView) => {
      const { picker: spec, readOnly: locked, setTarget: target } = latest.current;
      if (!spec || locked) return;
      target({ label: spec.label, scope: spec.scope, accept: (path) => insertPicked(editor, spec, path) });
    };
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([{ key: 'Tab', run: acceptCompletion }, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
          jsonataLanguage,
          syntaxHighlighting(defaultHighlightStyle),
          autocompletion({ override: [expressionCompletions(() => latest.current.suggestions)], icons: false }),
          linter((editor) => expressionDiagnostics(editor.state.doc.toString()), { delay: 200 }),
          EditorView.lineWrapping,
          dropCursor(),
          EditorView.domEventHandlers({ drop: (event, editor) => dropField(event, editor, latest.current) }),
          attributes.current.of([]),
          editable.current.of([]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((transaction) => transaction.annotation(fromOutside))) {
              const text = update.state.doc.toString();
              unechoed.current.push(text);
              latest.current.onChange(text);
            }
            if (update.focusChanged && update.view.hasFocus) becomeTarget(update.view);
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The editor is made once; `value` changes arrive through the effect below.
  }, []);

  useEffect(() => {
    const editor = view.current;
    const echoed = unechoed.current.indexOf(value);
    if (echoed >= 0) {
      unechoed.current.splice(0, echoed + 1);
      return;
    }
    unechoed.current = [];
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value }, annotations: fromOutside.of(true) });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [
        attributes.current.reconfigure([
          EditorView.contentAttributes.of({
            'aria-label': label,
            ...(placeholder ? { 'aria-placeholder': placeholder } : {}),
            ...(invalid ? { 'aria-invalid': 'true' } : {}),
            ...(testId ? { 'data-testid': testId } : {}),
          }),
          ...(placeholder ? [placeholderText(placeholder)] : []),
        ]),
        editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
      ],
    });
  }, [label, placeholder, invalid, testId, readOnly]);

  return (
    <div className={mappingStyles.dropZone}>
      <div
        ref={host}
        {...targetProps}
        // A drop on the editor's frame, beside its text, goes in at the nearest position too (CodeMirror itself only hears drops on the text).
        onDrop={(event) => {
          targetProps.onDrop(event);
          if (!event.defaultPrevented && view.current && dropField(event.nativeEvent, view.current, latest.current)) event.preventDefault();
        }}
        className={`${styles.expressionEditor} ${targetProps.className}`}
        data-invalid={invalid || undefined}
      />
      <DropNote state={drop} label={picker?.label ?? label} />
    </div>
  );
}
