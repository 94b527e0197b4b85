'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { problemText } from '@/components/problem-text';

/** The most one click replays: the API's limit per call. */
const MAX_PER_CALL = 10_000;

/** Queues every dead letter the event log's filter shows for dispatch again, after asking. */
export function ReplayDeadLetters({ count, filter }: { count: number; filter: { type?: string; correlationId?: string } }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: string }>({});
  const label = `${count.toLocaleString('en')} dead letter${count === 1 ? '' : 's'}`;

  async function replay() {
    if (!window.confirm(`Dispatch ${label} again, each with fresh attempts? Do this once the cause of their failures is fixed.`)) return;
    setState({ busy: true });
    const response = await fetch('/api/v1/events/replay', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...filter, limit: MAX_PER_CALL }),
    });
    if (!response.ok) return setState({ error: await problemText(response, 'Replay failed') });
    const { replayed, more } = (await response.json()) as { replayed: number; more: boolean };
    setState({ done: `${replayed.toLocaleString('en')} queued for dispatch${more ? '; more remain, replay again for the rest' : ''}.` });
    router.refresh();
  }

  if (count === 0 && !state.done) return null;
  return (
    <p className="card" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      {count > 0 && (
        <button type="button" onClick={() => void replay()} disabled={state.busy}>
          Replay {label}
        </button>
      )}
      {state.done && <span role="status">{state.done}</span>}
      {state.error && <span role="alert" className="error">{state.error}</span>}
    </p>
  );
}
