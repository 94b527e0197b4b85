'use client';

import type { EventOption } from '../_server/workflow-pages';

interface EventSelectProps {
  events: readonly EventOption[];
  value: string;
  onChange: (type: string) => void;
  required?: boolean;
  id?: string;
  /** The ids of what describes the choice (its errors, in a generated form). */
  describedBy?: string;
}

/** The catalog's event types by category; a type no longer in the catalog stays selectable so it shows. */
export function EventSelect({ events, value, onChange, required, id, describedBy }: EventSelectProps) {
  const categories = [...new Set(events.map((event) => event.category))];
  const known = value === '' || events.some((event) => event.type === value);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required={required} aria-describedby={describedBy}>
      <option value="">Choose an event…</option>
      {!known && <option value={value}>{value} (not in the catalog)</option>}
      {categories.map((category) => (
        <optgroup key={category} label={category}>
          {events
            .filter((event) => event.category === category)
            .map((event) => (
              <option key={event.type} value={event.type}>
                {event.type} · {event.displayName}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
