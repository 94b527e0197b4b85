'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { DateTime } from '@/components/date-time';
import { problemText } from '@/components/problem-text';

interface Roundtrip {
  id: string;
  message: string;
  workflowId: string;
  requestedAt: string;
  completedAt: string | null;
}

const POLL_MS = 500;

/** Starts roundtrips and follows them until the worker has completed each. */
export function RoundtripPanel() {
  const [items, setItems] = useState<Roundtrip[] | undefined>();
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState('hello from the diagnostics page');

  const refresh = useCallback(async () => {
    const response = await fetch('/api/v1/diagnostics/roundtrips', { cache: 'no-store' });
    if (!response.ok) return setError(await problemText(response, 'Could not load roundtrips'));
    setItems(((await response.json()) as { items: Roundtrip[] }).items);
  }, []);

  useEffect(() => void refresh(), [refresh]);
  const pending = items?.some((item) => !item.completedAt) ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  async function start(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const response = await fetch('/api/v1/diagnostics/roundtrips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message }),
    });
    if (!response.ok) return setError(await problemText(response, 'The roundtrip did not start'));
    await refresh();
  }

  return (
    <>
      <form className="card" onSubmit={start} style={{ display: 'flex', gap: 8 }}>
        <input aria-label="Message" value={message} onChange={(e) => setMessage(e.target.value)} style={{ flex: 1 }} />
        <button type="submit">Start roundtrip</button>
      </form>
      {error && <p role="alert" className="error" data-testid="roundtrip-error">{error}</p>}
      <div className="card">
        {items === undefined ? (
          <p className="muted">Loading…</p>
        ) : items.length === 0 ? (
          <p className="muted">No roundtrips yet.</p>
        ) : (
          <table data-testid="roundtrips">
            <thead>
              <tr><th>Message</th><th>Workflow</th><th>Requested</th><th>Status</th></tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="roundtrip-row">
                  <td>{item.message}</td>
                  <td><code>{item.workflowId}</code></td>
                  <td><DateTime value={item.requestedAt} milliseconds /></td>
                  <td data-testid="roundtrip-status" className={item.completedAt ? 'status-ok' : 'muted'}>
                    {item.completedAt
                      ? `completed in ${new Date(item.completedAt).getTime() - new Date(item.requestedAt).getTime()} ms`
                      : 'pending'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
