'use client';

import { useDesigner } from '../designer-context';
import { EventSelect } from '../event-select';
import { ExpressionField, Field } from './field';
import { FilterBacktest } from './filter-backtest';
import { MappingEditor } from './mapping-editor';
import { OwnTimeoutField } from './reliability-fields';
import { text, type NodeEditor } from './node-editor';

/** Fields of the nodes that name a catalog event: the trigger, waitForEvent and emit. */

/** `clears`: fields that belong to the event chosen before, removed when it changes. */
function EventField({ editor, label, clears = [] }: { editor: NodeEditor; label: string; clears?: string[] }) {
  const { events } = useDesigner();
  const choose = (event: string) => editor.update({ event, ...Object.fromEntries(clears.map((field) => [field, undefined])) });
  return (
    <Field label={label} problems={editor.problemsAt('event')}>
      {(id) => <EventSelect id={id} events={events} value={text(editor.node.event) ?? ''} onChange={choose} />}
    </Field>
  );
}

export function TriggerFields({ editor }: { editor: NodeEditor }) {
  const event = text(editor.node.event);
  return (
    <>
      <EventField editor={editor} label="Event" />
      <ExpressionField
        label="Filter"
        optional
        value={text(editor.node.filter)}
        onChange={(filter) => editor.update({ filter })}
        suggestions={editor.eventPaths(event)}
        sees={{ kind: 'event', eventType: event }}
        example={editor.example('filter')}
        problems={editor.problemsAt('filter')}
        hint="Only events for which this is true start a run; it sees the event alone."
        readOnly={editor.readOnly}
      />
      <FilterBacktest eventType={event} filter={text(editor.node.filter)} />
    </>
  );
}

export function WaitForEventFields({ editor }: { editor: NodeEditor }) {
  const { node, update } = editor;
  const event = text(node.event);
  const correlation = (typeof node.correlation === 'object' && node.correlation !== null ? node.correlation : {}) as { event?: unknown; run?: unknown };
  const setCorrelation = (side: 'event' | 'run', value: string | undefined) => update({ correlation: { ...correlation, [side]: value ?? '' } });
  return (
    <>
      <EventField editor={editor} label="Event to wait for" />
      <ExpressionField
        label="Correlation: on the awaited event"
        value={text(correlation.event)}
        onChange={(value) => setCorrelation('event', value)}
        suggestions={editor.eventPaths(event)}
        sees={{ kind: 'event', eventType: event }}
        example={editor.example('correlation.event')}
        problems={editor.problemsAt('correlation.event')}
        readOnly={editor.readOnly}
      />
      <ExpressionField
        label="… must equal, on this run"
        value={text(correlation.run)}
        onChange={(value) => setCorrelation('run', value)}
        suggestions={editor.runPaths}
        example={editor.example('correlation.run')}
        problems={editor.problemsAt('correlation.run')}
        readOnly={editor.readOnly}
      />
      <ExpressionField
        label="Filter"
        optional
        value={text(node.filter)}
        onChange={(filter) => update({ filter })}
        suggestions={editor.eventPaths(event)}
        sees={{ kind: 'event', eventType: event }}
        example={editor.example('filter')}
        problems={editor.problemsAt('filter')}
        readOnly={editor.readOnly}
      />
      <OwnTimeoutField editor={editor} />
    </>
  );
}

/**
 * The version an emit sends. Left on "latest", publishing pins the version that is latest then, so
 * a later breaking version of the type never changes what this published workflow sends.
 */
function EventVersionField({ editor }: { editor: NodeEditor }) {
  const { catalog } = useDesigner();
  const event = text(editor.node.event);
  const latest = event ? catalog.getEvent(event)?.version : undefined;
  if (latest === undefined) return null;
  // Registration only ever adds the next version, so a type's versions are 1 to its latest.
  const versions = Array.from({ length: latest }, (_, index) => latest - index);
  const version = typeof editor.node.version === 'number' ? editor.node.version : undefined;
  return (
    <Field label="Version" problems={editor.problemsAt('version')} hint="Publishing pins “latest” to the version that is latest then.">
      {(id) => (
        <select
          id={id}
          value={version ?? ''}
          disabled={editor.readOnly}
          onChange={(e) => editor.update({ version: e.target.value === '' ? undefined : Number(e.target.value) })}
        >
          <option value="">Latest (v{latest})</option>
          {versions.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function EmitFields({ editor }: { editor: NodeEditor }) {
  const { catalog } = useDesigner();
  const event = text(editor.node.event);
  const version = typeof editor.node.version === 'number' ? editor.node.version : undefined;
  return (
    <>
      <EventField editor={editor} label="Event to emit" clears={['version']} />
      <EventVersionField editor={editor} />
      <MappingEditor
        editor={editor}
        field="data"
        label="Data mapping"
        legend={`Payload of ${event ?? 'the event'}${version === undefined ? '' : ` v${version}`}`}
        fields={event ? catalog.getEvent(event, version)?.fields : undefined}
        hint={<>The event’s payload: literals, or <code>{'{"$expr": "…"}'}</code> computed in the run. Checked against the event’s schema.</>}
      />
    </>
  );
}
