'use client';

import { useState } from 'react';
import { renameNode } from '@/designer/edit';
import { nodeIdProblem } from '@/designer/ids';
import { useDesigner } from '../designer-context';
import { Field, TextField } from './field';
import { text, type NodeEditor } from './node-editor';

/** The node's id (what expressions call it: `steps.<id>`) and its label on the canvas. */
export function IdentityFields({ editor }: { editor: NodeEditor }) {
  const { definition, dispatch } = useDesigner();
  const { node, readOnly } = editor;
  const [id, setId] = useState(node.id);
  const problem = nodeIdProblem(definition, node.id, id);
  const rename = () => {
    if (problem || id === node.id) return;
    dispatch({ type: 'edit', apply: (d) => renameNode(d, node.id, id) });
    dispatch({ type: 'selectNode', id });
  };
  return (
    <>
      <Field
        label="Id"
        problems={[...editor.problemsAt('id'), ...(problem ? [{ code: 'schema' as const, message: problem }] : [])]}
        hint={<>Expressions read its result as <code>steps.{node.id}.output</code>; renaming does not rewrite them.</>}
      >
        {(inputId) => (
          <input
            id={inputId}
            value={id}
            readOnly={readOnly}
            onChange={(e) => setId(e.target.value)}
            onBlur={rename}
            onKeyDown={(e) => e.key === 'Enter' && rename()}
          />
        )}
      </Field>
      <TextField label="Label" optional value={text(node.label)} onChange={(label) => editor.update({ label })} placeholder="optional" readOnly={readOnly} />
    </>
  );
}
