'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { DateTime } from '@/components/date-time';
import { problemText } from '@/components/problem-text';
import { API_KEY_SCOPES } from '@cascade/db/scopes';
import { CheckboxGroup } from '@/components/checkbox-group';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  publishNamespaces: string[];
  service: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key just created, whose secret is on screen until it is revoked or leaves the list. */
interface CreatedKey {
  id: string;
  key: string;
}

export function ApiKeysPanel() {
  const [keys, setKeys] = useState<ApiKey[]>();
  const [created, setCreated] = useState<CreatedKey>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    const response = await fetch('/api/v1/api-keys', { cache: 'no-store' });
    if (!response.ok) return setError(await problemText(response, 'The request failed'));
    const { items } = (await response.json()) as { items: ApiKey[] };
    setKeys(items);
    // A secret left on screen after its key is revoked invites copying a key that no longer works.
    setCreated((shown) => (shown && items.some((key) => key.id === shown.id && !key.revokedAt) ? shown : undefined));
  }, []);
  useEffect(() => void refresh(), [refresh]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const namespaces = String(form.get('publishNamespaces') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const service = String(form.get('service') ?? '').trim();
    const response = await fetch('/api/v1/api-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: form.get('name'),
        scopes: form.getAll('scopes'),
        publishNamespaces: namespaces,
        ...(service ? { service } : {}),
      }),
    });
    if (!response.ok) return setError(await problemText(response, 'The request failed'));
    setError(undefined);
    setCreated((await response.json()) as CreatedKey);
    await refresh();
  }

  async function revoke({ id, name }: ApiKey) {
    if (!window.confirm(`Revoke the API key “${name}”? Requests made with it are refused from now on; this cannot be undone.`)) return;
    const response = await fetch(`/api/v1/api-keys/${id}`, { method: 'DELETE' });
    if (!response.ok) return setError(await problemText(response, 'The request failed'));
    await refresh();
  }

  return (
    <>
      <form className="card" onSubmit={create} aria-label="Create API key">
        <label>
          Name
          <input name="name" required maxLength={100} />
        </label>
        <CheckboxGroup legend="Scopes" name="scopes" options={API_KEY_SCOPES} checked={(option) => option === 'events:publish'} />
        <label>
          Publishable event prefixes (comma-separated; empty for any)
          <input name="publishNamespaces" placeholder="ticket., INVOICE_" />
        </label>
        <label>
          Owning service (for restricted namespaces such as money.*)
          <input name="service" placeholder="money-service" />
        </label>
        <button type="submit">Create key</button>
      </form>
      {created && (
        <div className="card" role="status">
          <p>Copy the key now; it will not be shown again:</p>
          <pre data-testid="created-api-key">{created.key}</pre>
        </div>
      )}
      {error && <p role="alert" className="error" data-testid="api-keys-error">{error}</p>}
      <div className="card">
        <table data-testid="api-keys">
          <thead>
            <tr><th>Name</th><th>Key</th><th>Scopes</th><th>Last used</th><th /></tr>
          </thead>
          <tbody>
            {keys?.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <td>{key.name}</td>
                <td><code>csk_{key.prefix}_…</code></td>
                <td>{key.scopes.join(', ')}{key.service ? ` · service ${key.service}` : ''}</td>
                <td>{key.lastUsedAt ? <DateTime value={key.lastUsedAt} /> : 'never'}</td>
                <td>
                  {key.revokedAt ? (
                    <span className="muted">revoked</span>
                  ) : (
                    <button type="button" className="danger" onClick={() => void revoke(key)} aria-label={`Revoke ${key.name}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
