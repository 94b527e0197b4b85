'use client';

import { useState, type FormEvent } from 'react';
import { problemText } from '@/components/problem-text';

interface Windows {
  eventLogDays: number | null;
  runHistoryDays: number | null;
}

/**
 * An empty field is null (keep for ever); a number goes to the API as typed, which says what is
 * wrong with it. Text the browser cannot read as a number also reads as empty, so it is caught here
 * rather than saved as "for ever".
 */
function daysOf(input: HTMLInputElement, label: string): number | null {
  if (input.validity.badInput) throw new Error(`${label}: enter a whole number of days, or leave it empty to keep for ever`);
  return input.value.trim() === '' ? null : Number(input.value);
}

export function RetentionForm({ initial }: { initial: Windows }) {
  const [saved, setSaved] = useState(initial);
  const [status, setStatus] = useState<{ error?: string; message?: string }>({});

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = (name: string) => event.currentTarget.elements.namedItem(name) as HTMLInputElement;
    let body: Windows;
    try {
      body = { eventLogDays: daysOf(field('eventLogDays'), 'Days to keep events'), runHistoryDays: daysOf(field('runHistoryDays'), 'Days to keep finished runs') };
    } catch (error) {
      return setStatus({ error: (error as Error).message });
    }
    const response = await fetch('/api/v1/settings/retention', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) return setStatus({ error: await problemText(response, 'The windows were not saved') });
    setSaved((await response.json()) as Windows);
    setStatus({ message: 'Saved; the worker applies the windows at its next pass.' });
  }

  const describe = (days: number | null) => (days === null ? 'kept for ever' : `kept ${days} day${days === 1 ? '' : 's'}`);

  return (
    <form className="card" onSubmit={save} aria-label="Retention windows" noValidate>
      <label>
        Days to keep events
        <input name="eventLogDays" type="number" min={1} max={36500} step={1} defaultValue={saved.eventLogDays ?? ''} placeholder="for ever" />
      </label>
      <label>
        Days to keep finished runs
        <input name="runHistoryDays" type="number" min={1} max={36500} step={1} defaultValue={saved.runHistoryDays ?? ''} placeholder="for ever" />
      </label>
      <p className="muted" data-testid="retention-summary">
        Events are {describe(saved.eventLogDays)}; finished runs with their steps are {describe(saved.runHistoryDays)}.
      </p>
      <button type="submit">Save retention</button>
      {status.error && <p role="alert" className="error" data-testid="retention-error">{status.error}</p>}
      {status.message && <p role="status">{status.message}</p>}
    </form>
  );
}
