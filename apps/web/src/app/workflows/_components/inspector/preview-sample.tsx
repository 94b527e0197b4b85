'use client';

import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogExampleEvent, generatedEvent, loggedEventEnvelope, type LoggedEvent, type SampleChoice, type SampleEvent } from '@/designer/expression/event-samples';
import { problemText } from '@/components/problem-text';
import { useDesigner } from '../designer-context';

/** One event of the trigger's type in the log, as the sample chooser lists it. */
export interface PastEvent {
  id: string;
  receivedAt: string;
}

interface PreviewSampleValue {
  /** The trigger's event type; without one there is nothing to preview against. */
  eventType: string | undefined;
  /** What the previews evaluate against, once chosen (and loaded, for a past event). */
  sample: SampleEvent | undefined;
  choice: SampleChoice;
  choose: (choice: SampleChoice) => void;
  pastEvents: readonly PastEvent[] | undefined;
  reloadPastEvents: () => void;
  /** Why the list or the chosen event could not be loaded, or that it is loading. */
  status: string | undefined;
}

const PreviewSampleContext = createContext<PreviewSampleValue | undefined>(undefined);

/** How many of the trigger type's latest events the chooser lists. */
const PAST_EVENTS_LISTED = 20;

/**
 * The one sample every expression preview of the designer evaluates against, kept while the
 * selection moves from node to node: the catalog example of the trigger's event type, an event
 * generated from its schema, or a real event of that type from the tenant's log.
 */
export function PreviewSampleProvider({ children }: { children: ReactNode }) {
  const { definition, catalog } = useDesigner();
  const trigger = definition.nodes.find((node) => node.type === 'trigger');
  const eventType = typeof trigger?.event === 'string' && trigger.event !== '' ? trigger.event : undefined;
  const [choice, setChoice] = useState<SampleChoice>({ kind: 'example' });
  const [pastEvents, setPastEvents] = useState<PastEvent[]>();
  const [loaded, setLoaded] = useState<SampleEvent>();
  const [status, setStatus] = useState<string>();

  const reloadPastEvents = useCallback(() => {
    if (!eventType) return;
    void (async () => {
      const response = await fetch(`/api/v1/events?type=${encodeURIComponent(eventType)}&limit=${PAST_EVENTS_LISTED}`);
      if (!response.ok) return setStatus(await problemText(response, 'The past events could not be listed'));
      const page = (await response.json()) as { items: PastEvent[] };
      setPastEvents(page.items.map(({ id, receivedAt }) => ({ id, receivedAt })));
    })();
  }, [eventType]);
  useEffect(reloadPastEvents, [reloadPastEvents]);

  const choose = useCallback((next: SampleChoice) => {
    setChoice(next);
    setStatus(undefined);
    if (next.kind !== 'past') return;
    setStatus('Loading the event…');
    void (async () => {
      const response = await fetch(`/api/v1/events/${encodeURIComponent(next.eventId)}`);
      if (!response.ok) return setStatus(await problemText(response, 'The event could not be loaded'));
      setLoaded(loggedEventEnvelope((await response.json()) as LoggedEvent));
      setStatus(undefined);
    })();
  }, []);

  const sample = useMemo((): SampleEvent | undefined => {
    if (!eventType) return undefined;
    if (choice.kind === 'generated') return generatedEvent(eventType, catalog);
    if (choice.kind === 'past') return loaded?.envelope.id === choice.eventId && loaded.envelope.type === eventType ? loaded : undefined;
    return catalogExampleEvent(eventType, catalog);
  }, [eventType, choice, loaded, catalog]);

  const value = useMemo(() => ({ eventType, sample, choice, choose, pastEvents, reloadPastEvents, status }), [eventType, sample, choice, choose, pastEvents, reloadPastEvents, status]);
  return <PreviewSampleContext value={value}>{children}</PreviewSampleContext>;
}

export const usePreviewSample = () => use(PreviewSampleContext);

/** Where the expressions being edited sit: the node whose context a preview rebuilds. */
const PreviewNodeContext = createContext<string | undefined>(undefined);
export const PreviewNodeProvider = PreviewNodeContext;
export const usePreviewNode = () => use(PreviewNodeContext);
