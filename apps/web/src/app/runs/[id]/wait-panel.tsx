'use client';

import Link from 'next/link';
import { useState } from 'react';
import { DateTime } from '@/components/date-time';
import { problemText } from '@/components/problem-text';
import type { WaitExplanation } from '@/server/run-view/wait-explanation';
import styles from './run-view.module.css';

/**
 * What a waitForEvent waits for, in the run's own words: the event type, the value its
 * correlation must give, the filter and the deadline; the events the buffer window held when
 * it opened; and, while it waits, a form prefilled with an event that would match.
 */
export function WaitPanel({ wait }: { wait: WaitExplanation }) {
  const [publishing, setPublishing] = useState(false);
  return (
    <div data-testid="wait-explanation" data-state={wait.state}>
      <h3><code>{wait.nodeKey}</code> {wait.state === 'waiting' ? 'waits for' : wait.state === 'received' ? 'received' : 'timed out waiting for'} <code>{wait.eventType}</code></h3>
      <dl className={styles.facts}>
        <dt>Event type</dt><dd><code data-testid="wait-event-type">{wait.eventType}</code></dd>
        <dt>Correlation</dt>
        <dd><code>{wait.correlation.eventExpression}</code> must give <code data-testid="wait-correlation-value">{JSON.stringify(wait.correlation.value)}</code></dd>
        <dt>Filter</dt><dd>{wait.filter ? <code data-testid="wait-filter">{wait.filter}</code> : <span className="muted">none</span>}</dd>
        <dt>Opened</dt><dd><DateTime value={wait.openedAt} /></dd>
        <dt>Deadline</dt><dd data-testid="wait-deadline"><DateTime value={wait.expiresAt} /> (then the <code>timeout</code> path)</dd>
        {wait.deliveredEventId && <><dt>Took</dt><dd><Link href={`/events/${wait.deliveredEventId}`}><code>{wait.deliveredEventId}</code></Link></dd></>}
      </dl>
      <p className="muted">
        Events of this type received in the {wait.bufferSeconds} s before it opened{wait.earlierEvents.length ? ':' : ': none.'}
      </p>
      {wait.earlierEvents.length > 0 && (
        <ul data-testid="wait-earlier-events" className="wrap-anywhere">
          {wait.earlierEvents.map((event) => (
            <li key={event.id}>
              <Link href={`/events/${event.id}`}><code>{event.id}</code></Link> at <DateTime value={event.receivedAt} />:{' '}
              {event.correlates ? 'its correlation matches' : 'another correlation value'}
            </li>
          ))}
        </ul>
      )}
      {wait.state === 'waiting' && (publishing
        ? <PublishMatchingEvent wait={wait} onDone={() => setPublishing(false)} />
        : <button type="button" onClick={() => setPublishing(true)}>Publish a matching event…</button>)}
    </div>
  );
}

/** The prefilled event, editable as JSON, published through the events API with the signed-in user's session. */
function PublishMatchingEvent({ wait, onDone }: { wait: WaitExplanation; onDone: () => void }) {
  const [text, setText] = useState(() => JSON.stringify(wait.publish.draft, null, 2));
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  async function publish(event: React.FormEvent) {
    event.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return setMessage({ ok: false, text: `Not JSON: ${(error as Error).message}` });
    }
    const response = await fetch('/api/v1/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) return setMessage({ ok: false, text: await problemText(response, 'The event was refused') });
    const { accepted } = (await response.json()) as { accepted: Array<{ id: string }> };
    setMessage({ ok: true, text: `Published ${accepted[0]?.id ?? ''}; the run takes it once it is dispatched.` });
  }
  return (
    <form className={styles.form} onSubmit={(event) => void publish(event)} data-testid="publish-matching-event">
      <label htmlFor={`publish-${wait.nodeKey}`}>
        Event to publish{wait.publish.placed ? ` (the correlation value is in place${wait.filter ? '; check it passes the filter' : ''})` : ` (set ${wait.correlation.eventExpression} to ${JSON.stringify(wait.correlation.value)})`}
      </label>
      <textarea id={`publish-${wait.nodeKey}`} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
      <button type="submit">Publish event</button> <button type="button" onClick={onDone}>Close</button>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'} data-testid="publish-result">{message.text}</p>}
    </form>
  );
}
