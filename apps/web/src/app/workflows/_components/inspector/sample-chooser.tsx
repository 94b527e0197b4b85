'use client';

import { useId } from 'react';
import styles from '../designer.module.css';
import { usePreviewSample } from './preview-sample';

const valueOf = (choice: { kind: string; eventId?: string }) => (choice.kind === 'past' ? `past:${choice.eventId}` : choice.kind);

/**
 * The one control choosing what every expression preview of the designer evaluates against: the
 * trigger type's catalog example, an event generated from its schema, or one of its latest
 * events from the log. Says what of the sample is made up.
 */
export function SampleChooser() {
  const preview = usePreviewSample();
  const id = useId();
  if (!preview?.eventType) return null;
  const { eventType, choice, choose, pastEvents, reloadPastEvents, sample, status } = preview;
  const onChange = (value: string) => choose(value.startsWith('past:') ? { kind: 'past', eventId: value.slice(5) } : { kind: value as 'example' | 'generated' });
  return (
    <section className={styles.sampleChooser} aria-label="Preview sample" data-testid="sample-chooser">
      <div className={styles.sampleRow}>
        <label htmlFor={id}>Preview against</label>
        <select id={id} data-testid="preview-sample" value={valueOf(choice)} onChange={(e) => onChange(e.target.value)}>
          <option value="example">the catalog example</option>
          <option value="generated">an event generated from the schema</option>
          <optgroup label={pastEvents && pastEvents.length === 0 ? `No past ${eventType} events yet` : `Past ${eventType} events`}>
            {pastEvents?.map((event) => (
              <option key={event.id} value={`past:${event.id}`}>
                {new Date(event.receivedAt).toLocaleString('en-GB')} · {event.id.slice(0, 8)}
              </option>
            ))}
          </optgroup>
        </select>
        <button type="button" className={styles.secondary} onClick={reloadPastEvents} title="List the latest events of this type again">
          Reload events
        </button>
      </div>
      <p className={styles.hint} data-testid="sample-note">
        {status ?? (sample?.madeUp ? `Previews: ${sample.madeUp}.` : sample ? `Previews use event ${String(sample.envelope.id)} from the log.` : '')}
      </p>
    </section>
  );
}
