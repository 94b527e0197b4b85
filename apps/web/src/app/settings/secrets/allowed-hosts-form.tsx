'use client';

import { useState, type FormEvent } from 'react';
import { problemText } from '@/components/problem-text';

/** `a.example, *.b.example 10.0.0.7` → the list the API takes. */
export const parseHostList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** A secret's allow-list in its row: shown, and changed in place without touching the value. */
export function AllowedHostsForm({ name, hosts, onSaved }: { name: string; hosts: string[]; onSaved: (message: string) => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const allowedHosts = parseHostList(String(new FormData(event.currentTarget).get('hosts') ?? ''));
    const response = await fetch(`/api/v1/secrets/${encodeURIComponent(name)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ allowedHosts }),
    });
    if (!response.ok) return setError(await problemText(response, 'The hosts were not saved'));
    setError(undefined);
    setEditing(false);
    await onSaved(allowedHosts.length ? `${name} may be sent to ${allowedHosts.join(', ')}` : `${name} may not be sent anywhere`);
  }

  if (!editing) {
    return (
      <>
        {hosts.length ? <code data-testid="allowed-hosts">{hosts.join(', ')}</code> : <span className="muted" data-testid="allowed-hosts">none: refused for every request</span>}{' '}
        <button type="button" onClick={() => setEditing(true)} aria-label={`Edit allowed hosts of ${name}`}>Edit</button>
      </>
    );
  }
  return (
    <form onSubmit={save} aria-label={`Allowed hosts of ${name}`}>
      <input name="hosts" defaultValue={hosts.join(', ')} placeholder="api.example.com, *.example.com" autoComplete="off" />{' '}
      <button type="submit">Save</button>{' '}
      <button type="button" onClick={() => setEditing(false)}>Cancel</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
