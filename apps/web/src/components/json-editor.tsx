'use client';

import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef } from 'react';

interface JsonEditorProps {
  /** The text it opens with; a new value starts the editor over. */
  text: string;
  /** The editor's accessible name: "Workflow JSON". */
  label: string;
  onChange: (text: string) => void;
  readOnly?: boolean;
  autoFocus?: boolean;
  className?: string;
  testId?: string;
}

/** JSON in CodeMirror, with syntax errors marked as they are typed. */
export function JsonEditor({ text, label, onChange, readOnly = false, autoFocus = false, className, testId = 'json-editor' }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  // The latest callback, so a parent's new function does not restart the editor and lose the cursor.
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          json(),
          linter(jsonParseLinter()),
          lintGutter(),
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    if (autoFocus) view.focus();
    return () => view.destroy();
  }, [text, label, readOnly, autoFocus]);

  return <div ref={host} className={className} data-testid={testId} />;
}
