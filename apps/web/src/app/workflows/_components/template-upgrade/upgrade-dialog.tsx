'use client';

import { useEffect, useRef, useState } from 'react';
import { previewTemplateUpgrade, upgradeTemplate, type FieldError, type ParameterInfo, type UpgradePreview } from '../api';
import { DefinitionDiffView } from '../definition-diff';
import { ParameterField } from './parameter-field';
import { controlFor, readParameterValue } from './parameter-value';
import styles from './template-upgrade.module.css';

export type UpgradedWorkflow = Extract<Awaited<ReturnType<typeof upgradeTemplate>>, { ok: true }>['value'];

interface UpgradeDialogProps {
  workflowId: string;
  dirty: boolean;
  readOnly: boolean;
  onClose: () => void;
  onUpgraded: (workflow: UpgradedWorkflow) => void;
}

const PARAMETER_PATH = /^\/body\/parameters\/([^/]+)/;
const parameterNamed = (error: FieldError) => PARAMETER_PATH.exec(error.path)?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * The parameters the form asks for: every new one (a required one must be filled in), and any the
 * server found wrong with the workflow's current values, which it can only name.
 */
function askedParameters(preview: UpgradePreview, errors: readonly FieldError[]): ParameterInfo[] {
  const asked = new Map<string, ParameterInfo>();
  for (const info of [...preview.parameters.missing, ...preview.parameters.added]) if (!asked.has(info.name)) asked.set(info.name, info);
  for (const error of errors) {
    const name = parameterNamed(error);
    if (name !== undefined && !asked.has(name)) asked.set(name, { name, schema: undefined, required: true });
  }
  return [...asked.values()];
}

/** Reviewing a template upgrade: the diff, the parameters it adds and removes, and the values it needs. */
export function UpgradeDialog({ workflowId, dirty, readOnly, onClose, onUpgraded }: UpgradeDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<UpgradePreview>();
  const [failure, setFailure] = useState<{ message: string; fieldErrors: FieldError[] }>();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => dialog.current?.showModal(), []);
  useEffect(() => {
    void previewTemplateUpgrade(workflowId).then((result) => (result.ok ? setPreview(result.value) : setFailure(result)));
  }, [workflowId]);

  const fieldErrors = failure?.fieldErrors ?? [];
  const asked = preview ? askedParameters(preview, [...preview.parameters.problems.filter((p) => p.expected !== 'a value'), ...fieldErrors]) : [];

  async function upgrade() {
    if (!preview) return;
    const values = Object.fromEntries(
      asked.flatMap(({ name, schema }) => {
        const value = readParameterValue(controlFor(schema), texts[name] ?? '');
        return value === undefined ? [] : [[name, value]];
      }),
    );
    setBusy(true);
    const result = await upgradeTemplate(workflowId, preview.targetVersion, values);
    setBusy(false);
    if (!result.ok) return setFailure(result);
    dialog.current?.close();
    onUpgraded(result.value);
  }

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} aria-labelledby="template-upgrade-title" data-testid="template-upgrade-dialog">
      <h2 id="template-upgrade-title">
        {preview ? `Upgrade to ${preview.template.name} v${preview.targetVersion}` : 'Template upgrade'}
      </h2>
      {!preview && !failure && <p className="muted">Loading what would change…</p>}
      {preview && (
        <>
          <p className="muted">
            This workflow is on v{preview.currentVersion}. Upgrading replaces its draft with one made from v{preview.targetVersion} with the same parameters.
            Published versions, and the runs they started, keep theirs until you publish the new draft.
          </p>
          {dirty && (
            <p role="alert" className={styles.warning} data-testid="unsaved-warning">
              The designer has unsaved changes: upgrading discards them.
            </p>
          )}
          {preview.draftEdited && (
            <p role="note" className={styles.warning}>
              The draft was edited since it was made from the template: upgrading replaces those edits.
            </p>
          )}
          <h3>What changes in the workflow</h3>
          <DefinitionDiffView diff={preview.diff} />
          <h3>Parameters</h3>
          <ParameterSummary preview={preview} />
          {asked.length > 0 && (
            <fieldset className={styles.parameters} disabled={readOnly || busy}>
              <legend>Values for the new version</legend>
              {asked.map((info) => (
                <ParameterField
                  key={info.name}
                  info={info}
                  text={texts[info.name] ?? ''}
                  errors={fieldErrors.filter((error) => parameterNamed(error) === info.name)}
                  onChange={(text) => setTexts((current) => ({ ...current, [info.name]: text }))}
                />
              ))}
            </fieldset>
          )}
        </>
      )}
      {failure && (
        <p role="alert" className="error" data-testid="upgrade-failure">
          {failure.message}
        </p>
      )}
      <footer className={styles.actions}>
        <button type="button" className={styles.secondary} onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" onClick={() => void upgrade()} disabled={!preview || busy || readOnly}>
          {busy ? 'Upgrading…' : dirty ? 'Discard unsaved changes and upgrade to a new draft' : 'Upgrade to a new draft'}
        </button>
      </footer>
      {readOnly && <p className="muted">Only admins and editors upgrade workflows.</p>}
    </dialog>
  );
}

function ParameterSummary({ preview }: { preview: UpgradePreview }) {
  const { added, removed } = preview.parameters;
  if (!added.length && !removed.length) return <p className="muted">The same parameters; the workflow’s values carry over.</p>;
  return (
    <ul className={styles.parameterChanges} data-testid="parameter-changes">
      {added.map((info) => (
        <li key={`+${info.name}`} className={styles.plus}>
          + <code>{info.name}</code> {info.required ? '(new, required)' : '(new, optional)'}
        </li>
      ))}
      {removed.map((name) => (
        <li key={`-${name}`} className={styles.minus}>
          − <code>{name}</code> (removed; its value is dropped)
        </li>
      ))}
    </ul>
  );
}
