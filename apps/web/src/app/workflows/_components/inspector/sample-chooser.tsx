'use client';

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
  if (!preview?.eventType) return null;
  const { eventType, choice, choose, pastEvents, reloadPastEvents, sample, status } = preview;
  const onChange = (value: string) => choose(value.startsWith('past:') ? { kind: 'past', eventId: value.slice(5) } : { kind: value as 'example' | 'generated' });
  return (
    <section className={styles.sampleChooser} aria-label="Preview sample" data-testid="sample-chooser">
      <div className={styles.sampleRow}>
        <select aria-label="Previews evaluate against" data-testid="preview-sample" value={valueOf(choice)} onChange={(e) => onChange(e.target.value)}>
          <option value="example">Catalog example of {eventType}</option>
          <option value="generated">Generated from its schema</option>
          <optgroup label={pastEvents && pastEvents.length === 0 ? `No past ${eventType} events` : `Past ${eventType} events`}>
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
