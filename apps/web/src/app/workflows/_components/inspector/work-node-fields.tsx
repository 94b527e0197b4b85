'use client';

import { actionManifests, getActionManifest } from '@cascade/actions/manifest';
import type { CatalogField } from '@cascade/workflow';
import { inputKeys, inputSkeleton } from '@/designer/action-input';
import { useDesigner } from '../designer-context';
import { ExpressionField, Field, JsonField, mustBeObject } from './field';
import { MappingEditor } from './mapping-editor';
import { text, type NodeEditor } from './node-editor';

/** Fields of the nodes that do work: actions, variables, sub-workflows, failures (approvals: ./approval-fields). */

const mappingHint = <>Literals, or <code>{'{"$expr": "…"}'}</code> computed in the run; type a path for suggestions.</>;

export function ActionFields({ editor }: { editor: NodeEditor }) {
  const { node, update } = editor;
  const { remoteActions, catalog } = useDesigner();
  const inputFields = catalog.getAction(text(node.action) ?? '')?.inputFields;
  const manifest = getActionManifest(text(node.action) ?? '');
  const remote = remoteActions.find((action) => action.id === text(node.action));
  const isEmpty = (value: unknown) => typeof value !== 'object' || value === null || Object.keys(value).length === 0;
  const choose = (id: string) => {
    const chosen = getActionManifest(id);
    // A fresh input gets the keys the action requires; one already written is the admin's and stays.
    update({ action: id, ...(chosen && isEmpty(node.input) ? { input: inputSkeleton(chosen.input) } : {}) });
  };
  return (
    <>
      <Field label="Action" problems={editor.problemsAt('action')} hint={manifest?.description ?? remote?.description}>
        {(id) => (
          <select id={id} value={text(node.action) ?? ''} onChange={(e) => choose(e.target.value)} disabled={editor.readOnly}>
            <option value="">Choose an action…</option>
            {text(node.action) && !manifest && !remote && <option value={text(node.action)}>{text(node.action)} (not registered)</option>}
            {actionManifests.map((action) => (
              <option key={action.id} value={action.id}>
                {action.label} ({action.id})
              </option>
            ))}
            {remoteActions.map((action) => (
              <option key={action.id} value={action.id}>
                {action.label} ({action.id}, remote)
              </option>
            ))}
          </select>
        )}
      </Field>
      <MappingEditor
        editor={editor}
        field="input"
        label="Input mapping"
        legend={`Input of ${text(node.action) ?? 'the action'}`}
        fields={inputFields}
        testId="input-mapping"
        hint={
          inputFields ? (
            <>The same input as JSON. {mappingHint}</>
          ) : (
            <>
              {mappingHint}
              {manifest && (
                <ul className="muted">
                  {inputKeys(manifest.input).map((key) => (
                    <li key={key.key}>
                      <code>{key.key}</code>
                      {key.required ? ' (required)' : ''} {key.description}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )
        }
      />
    </>
  );
}

export function SetVariablesFields({ editor }: { editor: NodeEditor }) {
  return (
    <MappingEditor
      editor={editor}
      field="assign"
      label="Assign"
      legend="Variables it sets"
      fields={assignedVariables(editor.node.assign)}
      hint={<>Variable names to values, read later as <code>vars.&lt;name&gt;</code>; add a variable here. {mappingHint}</>}
    />
  );
}

/** The variables an assignment sets, as form rows: each value a literal or (fx) an expression with its preview. */
function assignedVariables(assign: unknown): CatalogField[] {
  const names = typeof assign === 'object' && assign !== null && !Array.isArray(assign) ? Object.keys(assign) : [];
  // A name the form's paths cannot hold (`a.b`, `x[0]`) stays in the JSON beneath.
  return names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)).map((name) => ({ path: name, type: 'unknown', optional: false }));
}

export function SubWorkflowFields({ editor }: { editor: NodeEditor }) {
  const { workflows } = useDesigner();
  const { node, update, readOnly } = editor;
  const chosen = workflows.find((w) => w.id === node.workflow);
  return (
    <>
      <Field label="Workflow" problems={editor.problemsAt('workflow')} hint="Only published workflows can be run as sub-workflows.">
        {(id) => (
          <select
            id={id}
            value={text(node.workflow) ?? ''}
            disabled={readOnly}
            onChange={(e) => update({ workflow: e.target.value, version: workflows.find((w) => w.id === e.target.value)?.versions[0] ?? 1 })}
          >
            <option value="">Choose a workflow…</option>
            {text(node.workflow) && !chosen && <option value={text(node.workflow)}>{text(node.workflow)} (not published)</option>}
            {workflows.map((w) => (
              <option key={w.id} value={w.id}>{w.name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Version (pinned)" problems={editor.problemsAt('version')}>
        {(id) => (
          <select id={id} value={String(node.version ?? '')} disabled={readOnly || !chosen} onChange={(e) => update({ version: Number(e.target.value) })}>
            {(chosen?.versions ?? [node.version]).map((version) => (
              <option key={String(version)} value={String(version)}>version {String(version)}</option>
            ))}
          </select>
        )}
      </Field>
      <JsonField
        label="Input mapping"
        value={node.input ?? {}}
        onChange={(input) => update({ input })}
        check={mustBeObject}
        suggestions={editor.runPaths}
        problems={editor.problemsAt('input')}
        hint={mappingHint}
        readOnly={readOnly}
      />
    </>
  );
}

export function FailFields({ editor }: { editor: NodeEditor }) {
  return (
    <ExpressionField
      label="Message"
      value={text(editor.node.message)}
      onChange={(message) => editor.update({ message: message ?? '' })}
      suggestions={editor.runPaths}
      example={editor.example('message')}
      problems={editor.problemsAt('message')}
      hint={<>An expression: quote literal text, <code>{'"Gave up on " & event.data.ticketId'}</code></>}
      readOnly={editor.readOnly}
    />
  );
}
