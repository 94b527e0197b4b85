'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { DateTime } from '@/components/date-time';
import { problemText } from '@/components/problem-text';
import { CheckboxGroup } from '@/components/checkbox-group';

interface Subscription {
  id: string;
  url: string;
  events: string[];
  description: string;
  enabled: boolean;
}

interface Delivery {
  id: string;
  subscriptionId: string;
  eventType: string;
  status: 'PENDING' | 'DELIVERED' | 'DEAD';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

/** A subscription just created, whose signing secret is on screen until the page is left. */
interface Created {
  id: string;
  signingSecret: string;
}

export function WebhooksPanel({ eventTypes }: { eventTypes: string[] }) {
  const [subscriptions, setSubscriptions] = useState<Subscription[]>();
  const [deliveries, setDeliveries] = useState<Delivery[]>();
  const [created, setCreated] = useState<Created>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => {
    const [subs, sent] = await Promise.all([fetch('/api/v1/webhooks', { cache: 'no-store' }), fetch('/api/v1/webhook-deliveries?limit=50', { cache: 'no-store' })]);
    if (!subs.ok) return setError(await problemText(subs, 'The request failed'));
    if (!sent.ok) return setError(await problemText(sent, 'The request failed'));
    setSubscriptions(((await subs.json()) as { items: Subscription[] }).items);
    setDeliveries(((await sent.json()) as { items: Delivery[] }).items);
  }, []);
  useEffect(() => void refresh(), [refresh]);

  async function send(url: string, init: RequestInit): Promise<Response | undefined> {
    const response = await fetch(url, { ...init, headers: init.body ? { 'content-type': 'application/json' } : undefined });
    if (!response.ok) {
      setError(await problemText(response, 'The request failed'));
      return undefined;
    }
    setError(undefined);
    return response;
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const response = await send('/api/v1/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url: form.get('url'), events: form.getAll('events'), description: form.get('description') ?? '' }),
    });
    if (!response) return;
    setCreated((await response.json()) as Created);
    await refresh();
  }

  async function setEnabled(subscription: Subscription, enabled: boolean) {
    if (await send(`/api/v1/webhooks/${subscription.id}`, { method: 'PATCH', body: JSON.stringify({ enabled }) })) await refresh();
  }

  async function remove(subscription: Subscription) {
    if (!window.confirm(`Delete the webhook to ${subscription.url}? Its deliveries, sent or not, go with it.`)) return;
    if (await send(`/api/v1/webhooks/${subscription.id}`, { method: 'DELETE' })) await refresh();
  }

  async function replay(delivery: Delivery) {
    if (await send(`/api/v1/webhook-deliveries/${delivery.id}/replay`, { method: 'POST' })) await refresh();
  }

  const urlOf = (id: string) => subscriptions?.find((subscription) => subscription.id === id)?.url ?? id;

  return (
    <>
      <form className="card" onSubmit={create} aria-label="Create webhook">
        <label>
          Endpoint URL
          <input name="url" type="url" required maxLength={2048} placeholder="https://example.com/cascade-events" />
        </label>
        <CheckboxGroup legend="Events" name="events" options={eventTypes} checked={(option) => option === 'run.failed'} />
        <label>
          Note (optional)
          <input name="description" maxLength={200} />
        </label>
        <button type="submit">Create webhook</button>
      </form>
      {created && (
        <div className="card" role="status">
          <p>Copy the signing secret now; it will not be shown again:</p>
          <pre data-testid="created-webhook-secret">{created.signingSecret}</pre>
        </div>
      )}
      {error && <p role="alert" className="error" data-testid="webhooks-error">{error}</p>}
      <div className="card">
        <h2>Subscriptions</h2>
        {subscriptions?.length === 0 ? (
          <p className="muted">No webhooks yet.</p>
        ) : (
          <table data-testid="webhook-subscriptions">
            <thead>
              <tr><th>URL</th><th>Events</th><th>State</th><th /></tr>
            </thead>
            <tbody>
              {subscriptions?.map((subscription) => (
                <tr key={subscription.id} data-testid="webhook-row">
                  <td><code>{subscription.url}</code>{subscription.description && <div className="muted">{subscription.description}</div>}</td>
                  <td>{subscription.events.join(', ')}</td>
                  <td>{subscription.enabled ? 'enabled' : 'disabled'}</td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <button type="button" onClick={() => void setEnabled(subscription, !subscription.enabled)} aria-label={`${subscription.enabled ? 'Disable' : 'Enable'} ${subscription.url}`}>
                      {subscription.enabled ? 'Disable' : 'Enable'}
                    </button>{' '}
                    <button type="button" className="danger" onClick={() => void remove(subscription)} aria-label={`Delete ${subscription.url}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card">
        <h2>Recent deliveries</h2>
        {deliveries?.length === 0 ? (
          <p className="muted">Nothing delivered yet.</p>
        ) : (
          <table data-testid="webhook-deliveries">
            <thead>
              <tr><th>Created</th><th>Event</th><th>To</th><th>Status</th><th>Attempts</th><th>Last error</th><th /></tr>
            </thead>
            <tbody>
              {deliveries?.map((delivery) => (
                <tr key={delivery.id} data-testid="webhook-delivery-row">
                  <td><DateTime value={delivery.createdAt} /></td>
                  <td>{delivery.eventType}</td>
                  <td><code>{urlOf(delivery.subscriptionId)}</code></td>
                  <td>{delivery.status === 'DEAD' ? 'dead letter' : delivery.status.toLowerCase()}</td>
                  <td>{delivery.attempts}</td>
                  <td className="muted">{delivery.lastError ?? ''}</td>
                  <td>
                    {delivery.status !== 'PENDING' && (
                      <button type="button" onClick={() => void replay(delivery)} aria-label={`Replay delivery ${delivery.id}`}>
                        Replay
                      </button>
                    )}
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
