'use client';

import { updateWorkflow } from '@/designer/edit';
import { useDesigner } from '../designer-context';
import styles from '../designer.module.css';
import { JsonField, mustBeObject, TextField } from './field';

/** The workflow's own fields, shown while no node is selected. */
export function WorkflowSettings() {
  const { definition, dispatch, readOnly } = useDesigner();
  const update = (patch: Record<string, unknown>) => dispatch({ type: 'edit', apply: (d) => updateWorkflow(d, patch), group: `workflow:${Object.keys(patch).join(',')}` });
  return (
    <>
      <h2>Workflow</h2>
      <p className={styles.hint}>Select a node to edit it; drag from a port’s handle to another node to connect them.</p>
      <TextField label="Name" value={definition.name} onChange={(name) => update({ name: name ?? '' })} readOnly={readOnly} />
      <TextField label="Description" optional value={definition.description} onChange={(description) => update({ description })} readOnly={readOnly} />
      <JsonField
        label="Variables"
        optional
        value={definition.variables}
        onChange={(variables) => update({ variables })}
        check={mustBeObject}
        hint={<>Run variables and their initial values, read as <code>vars.&lt;name&gt;</code>: <code>{'{"attempts": 0}'}</code></>}
        rows={3}
        readOnly={readOnly}
      />
    </>
  );
}
