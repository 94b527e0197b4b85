'use client';

import type { CatalogField, Problem } from '@cascade/workflow';
import type { ReactNode } from 'react';
import { JsonField, mustBeObject } from './field';
import { MappingForm } from './mapping-form';
import type { NodeEditor } from './node-editor';

interface MappingEditorProps {
  editor: NodeEditor;
  /** The node's field holding the mapping: `input`, `data`. */
  field: string;
  /** The raw JSON editor's label: `Input mapping`. */
  label: string;
  /** The form's legend: `Input of core.log`. */
  legend: string;
  /** The target's fields; without them only the JSON editor is offered. */
  fields: readonly CatalogField[] | undefined;
  hint: ReactNode;
  testId?: string;
}

/**
 * A mapping as a form generated from its target's schema, with the same mapping as raw JSON
 * beneath (for keys the schema does not list, and for pasting). Each problem is shown once: at its
 * form row when it has one, else at the JSON.
 */
export function MappingEditor({ editor, field, label, legend, fields, hint, testId }: MappingEditorProps) {
  const value = editor.node[field] ?? {};
  const update = (next: unknown) => editor.update({ [field]: next });
  const topLevel = new Set((fields ?? []).map((entry) => entry.path.split('.')[0]!.replace(/\[\]$/, '')));
  const onFormRow = (problem: Problem) => topLevel.has(problem.field?.slice(field.length + 1).split(/[.[]/)[0] ?? '');
  return (
    <>
      {fields && fields.length > 0 && (
        <MappingForm legend={legend} field={field} fields={fields} value={value} onChange={update} problemsAt={editor.problemsAt} suggestions={editor.runPaths} readOnly={editor.readOnly} />
      )}
      <JsonField
        label={label}
        value={value}
        onChange={update}
        check={mustBeObject}
        suggestions={editor.runPaths}
        problems={fields ? editor.problemsAt(field).filter((problem) => !onFormRow(problem)) : editor.problemsAt(field)}
        testId={testId}
        rows={fields ? 3 : 6}
        hint={hint}
        readOnly={editor.readOnly}
      />
    </>
  );
}
