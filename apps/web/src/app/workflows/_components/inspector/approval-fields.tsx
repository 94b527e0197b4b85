'use client';

import styles from '../designer.module.css';
import { DurationField } from './duration-field';
import { JsonField, mustBeArray, TextField } from './field';
import { OwnTimeoutField } from './reliability-fields';
import { text, type NodeEditor } from './node-editor';

interface Escalation {
  after?: unknown;
  assignees?: unknown;
}

/** What "Escalate" starts with: after a day, to approvers the admin still has to name. */
const NEW_ESCALATION = { after: 'P1D', assignees: [] };

const assigneesHint = <>User or role ids, or <code>{'{"$expr": "…"}'}</code>: <code>{'["finance", {"$expr": "event.data.ownerId"}]'}</code></>;

export function ApprovalFields({ editor }: { editor: NodeEditor }) {
  const { node, update, readOnly } = editor;
  const escalation = (typeof node.escalation === 'object' && node.escalation !== null ? node.escalation : undefined) as Escalation | undefined;
  const setEscalation = (patch: Escalation) => update({ escalation: { ...escalation, ...patch } });
  return (
    <>
      <TextField label="Title" value={text(node.title)} onChange={(title) => update({ title: title ?? '' })} problems={editor.problemsAt('title')} readOnly={readOnly} />
      <JsonField
        label="Assignees"
        value={node.assignees ?? []}
        onChange={(assignees) => update({ assignees })}
        check={mustBeArray}
        suggestions={editor.runPaths}
        problems={editor.problemsAt('assignees')}
        hint={assigneesHint}
        rows={3}
        readOnly={readOnly}
      />
      <OwnTimeoutField editor={editor} />
      <JsonField
        label="Form fields"
        value={node.formFields}
        onChange={(formFields) => update({ formFields })}
        optional
        check={mustBeArray}
        problems={editor.problemsAt('formFields')}
        hint={<>Optional: <code>{'[{"name": "note", "label": "Note", "type": "text"}]'}</code>; types text, number, boolean, date, select (with options)</>}
        rows={3}
        readOnly={readOnly}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" checked={escalation !== undefined} disabled={readOnly} onChange={(e) => update({ escalation: e.target.checked ? NEW_ESCALATION : undefined })} />
        Escalate when nobody decides
      </label>
      {escalation && (
        <>
          <DurationField
            label="Escalate after"
            value={text(escalation.after)}
            onChange={(after) => setEscalation({ after: after ?? '' })}
            problems={editor.problemsAt('escalation.after')}
            readOnly={readOnly}
          />
          <JsonField
            label="Escalate to"
            value={escalation.assignees ?? []}
            onChange={(assignees) => setEscalation({ assignees })}
            check={mustBeArray}
            suggestions={editor.runPaths}
            problems={editor.problemsAt('escalation.assignees')}
            hint={assigneesHint}
            rows={2}
            readOnly={readOnly}
          />
        </>
      )}
      {editor.problemsAt('escalation').filter((p) => p.field === 'escalation').map((p, i) => <p key={i} className={styles.fieldProblem}>{p.message}</p>)}
    </>
  );
}
