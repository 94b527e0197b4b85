'use client';

// Not the package index: it also exports a test helper that imports @rjsf/validator-ajv8, which the app does not use.
import Form from '@rjsf/core/lib/components/Form.js';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { placeErrors, uiSchemaFor, type ApiFieldError } from '@/templates/parameter-pickers';
import type { ParameterValues, PickerOptions } from './picker-options';
import { pickerWidgets } from './picker-widgets';
import { serverChecked } from './server-checked';
import styles from './instantiate-form.module.css';

interface InstantiateFormProps {
  templateKey: string;
  version: number;
  defaultName: string;
  parameterSchema: Record<string, unknown>;
  pickers: PickerOptions;
}

type Refusal = { byParameter: Record<string, string[]>; general: string[] };

/**
 * The template's parameters as a form generated from its parameter schema (pickers where a
 * parameter names one), the new workflow's name, and whether to publish it at once. A refusal's
 * errors are shown beside the parameters they are about; success opens the new workflow.
 */
export function InstantiateForm({ templateKey, version, defaultName, parameterSchema, pickers }: InstantiateFormProps) {
  const router = useRouter();
  const [parameters, setParameters] = useState<ParameterValues>({});
  const [name, setName] = useState(defaultName);
  const [publish, setPublish] = useState(false);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>({ byParameter: {}, general: [] });
  const uiSchema = useMemo(() => ({ ...uiSchemaFor(parameterSchema), 'ui:title': ' ', 'ui:submitButtonOptions': { norender: true } }), [parameterSchema]);
  const extraErrors = useMemo(
    () => Object.fromEntries(Object.entries(refusal.byParameter).map(([parameter, messages]) => [parameter, { __errors: messages }])) as ErrorSchema,
    [refusal],
  );

  async function instantiate(values: ParameterValues) {
    setPending(true);
    setRefusal({ byParameter: {}, general: [] });
    const response = await fetch(`/api/v1/templates/${encodeURIComponent(templateKey)}/instantiate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      cache: 'no-store',
      body: JSON.stringify({ parameters: values, name: name.trim() || undefined, version, publish }),
    }).catch(() => undefined);
    if (response?.status === 201) {
      const workflow = (await response.json()) as { id: string };
      return router.push(`/workflows/${workflow.id}`);
    }
    setPending(false);
    if (!response) return setRefusal({ byParameter: {}, general: ['Creating the workflow failed: the server could not be reached'] });
    // An RFC 9457 problem: its detail above the form, its errors beside the parameters they name.
    const problem = (await response.json().catch(() => ({}))) as { detail?: unknown; errors?: unknown };
    const placed = placeErrors(Array.isArray(problem.errors) ? (problem.errors as ApiFieldError[]) : []);
    const detail = typeof problem.detail === 'string' ? problem.detail : `Creating the workflow failed (${response.status})`;
    setRefusal({ byParameter: placed.byParameter, general: [detail, ...placed.general] });
  }

  return (
    <div className={styles.form} data-testid="instantiate-form">
      <Form<ParameterValues, RJSFSchema, PickerOptions>
        schema={parameterSchema as RJSFSchema}
        uiSchema={uiSchema}
        validator={serverChecked}
        widgets={pickerWidgets}
        formContext={pickers}
        formData={parameters}
        onChange={(change) => setParameters(change.formData ?? {})}
        onSubmit={(submitted) => void instantiate(submitted.formData ?? {})}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        focusOnFirstError
        disabled={pending}
      >
        <fieldset className={styles.workflowFields}>
          <legend>The new workflow</legend>
          <label>
            Workflow name
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
          </label>
          <label className={styles.checkbox}>
            <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
            Publish now (otherwise it is created as a draft)
          </label>
        </fieldset>
        {refusal.general.length > 0 && (
          <div role="alert" className="error" data-testid="instantiate-error">
            {refusal.general.map((line, index) => <p key={index}>{line}</p>)}
          </div>
        )}
        <button type="submit" disabled={pending}>{pending ? 'Creating…' : publish ? 'Create and publish' : 'Create draft'}</button>
      </Form>
    </div>
  );
}
