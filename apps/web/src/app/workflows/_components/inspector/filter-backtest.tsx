'use client';

import { useState } from 'react';
import { DateTime } from '@/components/date-time';
import { problemText } from '@/components/problem-text';
import styles from '../designer.module.css';

interface Backtest {
  evaluated: number;
  matched: number;
  filteredOut: number;
  failed: number;
  stoppedEarly: string | null;
  events: Array<{ id: string; receivedAt: string; outcome: 'matched' | 'filtered-out' | 'failed'; error?: string }>;
}

const SIZES = [100, 500, 1_000] as const;
/** Events listed per outcome before "show all". */
const SHOWN = 10;

const OUTCOMES = [
  { outcome: 'matched', title: 'Would have started a run' },
  { outcome: 'filtered-out', title: 'Filtered out' },
  { outcome: 'failed', title: 'Filter failed' },
] as const;

/**
 * The trigger filter tried on the tenant's recent events of its type, by the server with the
 * dispatcher's evaluator: how many would have started a run, which, and which it failed on.
 */
export function FilterBacktest({ eventType, filter }: { eventType: string | undefined; filter: string | undefined }) {
  const [size, setSize] = useState<number>(100);
  const [state, setState] = useState<{ busy?: boolean; error?: string; result?: Backtest; tried?: string }>({});
  const [showAll, setShowAll] = useState(false);
  if (!eventType) return null;

  async function run() {
    setState({ busy: true });
    const response = await fetch('/api/v1/events/filter-backtest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventType, filter: filter?.trim() || 'true', limit: size }),
    });
    if (!response.ok) return setState({ error: await problemText(response, 'The backtest failed') });
    setState({ result: (await response.json()) as Backtest, tried: filter });
    setShowAll(false);
  }

  const { result } = state;
  return (
    <section aria-label="Backtest on recent events" data-testid="filter-backtest">
      <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
        <button type="button" onClick={() => void run()} disabled={state.busy}>
          {state.busy ? 'Trying…' : 'Try on recent events'}
        </button>
        <select aria-label="How many recent events" value={size} onChange={(e) => setSize(Number(e.target.value))}>
          {SIZES.map((n) => <option key={n} value={n}>last {n.toLocaleString('en')}</option>)}
        </select>
      </div>
      {state.error && <p role="alert" className={styles.fieldProblem}>{state.error}</p>}
      {result && (
        <div role="status" className={styles.hint}>
          <p data-testid="backtest-summary">
            {result.evaluated === 0
              ? `No ${eventType} events in this tenant's log yet.`
              : `${result.matched} of ${result.evaluated} recent ${eventType} events would have started a run${result.failed ? `; the filter failed on ${result.failed}` : ''}.`}
            {state.tried !== filter && ' (The filter changed since: try again.)'}
          </p>
          {result.stoppedEarly && <p>{result.stoppedEarly}.</p>}
          {OUTCOMES.map(({ outcome, title }) => {
            const events = result.events.filter((event) => event.outcome === outcome);
            if (events.length === 0) return null;
            return (
              <details key={outcome} open={outcome !== 'filtered-out'}>
                <summary>{title} ({events.length})</summary>
                <ul>
                  {(showAll ? events : events.slice(0, SHOWN)).map((event) => (
                    <li key={event.id}>
                      <a href={`/events/${event.id}`} target="_blank" rel="noreferrer"><DateTime value={event.receivedAt} /></a>
                      {event.error && <> — {event.error}</>}
                    </li>
                  ))}
                </ul>
                {!showAll && events.length > SHOWN && <button type="button" onClick={() => setShowAll(true)}>Show all {events.length}</button>}
              </details>
            );
          })}
        </div>
      )}
    </section>
  );
}
