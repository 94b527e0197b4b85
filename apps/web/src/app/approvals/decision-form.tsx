'use client';

import type { ApprovalFormField } from '@cascade/workflow';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { problemText } from '@/components/problem-text';


function readField(form: FormData, field: ApprovalFormField): unknown {
  const raw = form.get(field.name);
  if (field.type === 'boolean') return raw === 'on';
  if (raw === null || raw === '') return undefined;
  return field.type === 'number' ? Number(raw) : String(raw);
}

/** Approve (with the task's form filled in) or reject one pending task. */
export function DecisionForm({ taskId, fields }: { taskId: string; fields: ApprovalFormField[] }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function decide(event: FormEvent<HTMLFormElement>, outcome: 'approved' | 'rejected') {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const data = Object.fromEntries(fields.map((field) => [field.name, readField(form, field)]).filter(([, value]) => value !== undefined));
    const comment = String(form.get('comment') ?? '').trim();
    setBusy(true);
    setError(undefined);
    const response = await fetch(`/api/v1/approvals/${taskId}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome, data, ...(comment ? { comment } : {}) }),
    });
    setBusy(false);
    if (!response.ok) return setError(await problemText(response, 'The decision was not recorded'));
    router.refresh();
  }

  return (
    <form
      data-testid="decision-form"
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void decide(event, submitter?.value === 'rejected' ? 'rejected' : 'approved');
      }}
    >
      {fields.map((field) => (
        <label key={field.name} style={{ display: 'block' }}>
          {field.label}{field.required ? ' *' : ''}{' '}
          {field.type === 'select' ? (
            <select name={field.name}>
              <option value="">—</option>
              {field.options?.map((option) => <option key={option}>{option}</option>)}
            </select>
          ) : field.type === 'boolean' ? (
            <input type="checkbox" name={field.name} />
          ) : (
            <input name={field.name} type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'} />
          )}
        </label>
      ))}
      <label style={{ display: 'block' }}>Comment <input name="comment" /></label>
      <button type="submit" value="approved" disabled={busy}>Approve</button>{' '}
      <button type="submit" value="rejected" disabled={busy}>Reject</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
