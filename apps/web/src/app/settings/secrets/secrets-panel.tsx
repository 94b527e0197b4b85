'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { DateTime } from '@/components/date-time';
import { problemText } from '@/components/problem-text';
import { AllowedHostsForm, parseHostList } from './allowed-hosts-form';

interface Secret {
  name: string;
  allowedHosts: string[];
  createdAt: string;
  updatedAt: string;
}

export function SecretsPanel() {
  const [secrets, setSecrets] = useState<Secret[]>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    const response = await fetch('/api/v1/secrets', { cache: 'no-store' });
    if (!response.ok) return setError(await problemText(response, 'The request failed'));
    setSecrets(((await response.json()) as { items: Secret[] }).items);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const allowedHosts = parseHostList(String(data.get('allowedHosts') ?? ''));
    const response = await fetch(`/api/v1/secrets/${encodeURIComponent(name)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: data.get('value'), ...(allowedHosts.length ? { allowedHosts } : {}) }),
    });
    if (!response.ok) return setError(await problemText(response, 'The request failed'));
    // The value leaves the page as soon as it is stored.
    form.reset();
    setError(undefined);
    setStatus(response.status === 201 ? `Stored ${name}` : `Replaced the value of ${name}`);
    await refresh();
  }

  async function remove(name: string) {
    if (!window.confirm(`Delete the secret ${name}? Actions that use it will fail.`)) return;
    const response = await fetch(`/api/v1/secrets/${encodeURIComponent(name)}`, { method: 'DELETE' });
    if (!response.ok) return setError(await problemText(response, 'The request failed'));
    setError(undefined);
    setStatus(`Deleted ${name}`);
    await refresh();
  }

  return (
    <>
      <form className="card" onSubmit={save} aria-label="Store secret">
        <label>
          Name
          <input name="name" required maxLength={100} pattern="[A-Za-z][A-Za-z0-9_.\-]*" placeholder="crm_token" autoComplete="off" />
        </label>
        <label>
          Value (an existing secret of this name is replaced)
          <input name="value" type="password" required autoComplete="new-password" />
        </label>
        <label>
          Allowed hosts (where actions may send it; empty keeps an existing secret’s list, and a new secret with none is refused everywhere)
          <input name="allowedHosts" placeholder="api.example.com, *.example.com" autoComplete="off" />
        </label>
        <button type="submit">Store secret</button>
      </form>
      {status && <p role="status" data-testid="secrets-status">{status}</p>}
      {error && <p role="alert" className="error" data-testid="secrets-error">{error}</p>}
      <div className="card">
        <table data-testid="secrets">
          <thead>
            <tr><th>Name</th><th>Allowed hosts</th><th>Created</th><th>Last changed</th><th /></tr>
          </thead>
          <tbody>
            {secrets?.map((secret) => (
              <tr key={secret.name} data-testid="secret-row">
                <td><code>{secret.name}</code></td>
                <td>
                  <AllowedHostsForm
                    name={secret.name}
                    hosts={secret.allowedHosts}
                    onSaved={async (message) => {
                      setError(undefined);
                      setStatus(message);
                      await refresh();
                    }}
                  />
                </td>
                <td><DateTime value={secret.createdAt} /></td>
                <td><DateTime value={secret.updatedAt} /></td>
                <td>
                  <button type="button" onClick={() => void remove(secret.name)} aria-label={`Delete ${secret.name}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {secrets?.length === 0 && <p className="muted">No secrets yet.</p>}
      </div>
    </>
  );
}
