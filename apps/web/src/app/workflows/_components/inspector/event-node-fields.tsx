'use client';

import { useDesigner } from '../designer-context';
import { EventSelect } from '../event-select';
import { ExpressionField, Field, JsonField, mustBeObject, TextField } from './field';
import { text, type NodeEditor } from './node-editor';

/** Fields of the nodes that name a catalog event: the trigger, waitForEvent and emit. */

function EventField({ editor, label }: { editor: NodeEditor; label: string }) {
  const { events } = useDesigner();
  return (
    <Field label={label} problems={editor.problemsAt('event')}>
      {(id) => <EventSelect id={id} events={events} value={text(editor.node.event) ?? ''} onChange={(event) => editor.update({ event })} />}
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
        problems={editor.problemsAt('filter')}
        hint="Only events for which this is true start a run; it sees the event alone."
        readOnly={editor.readOnly}
      />
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
        problems={editor.problemsAt('correlation.event')}
        readOnly={editor.readOnly}
      />
      <ExpressionField
        label="… must equal, on this run"
        value={text(correlation.run)}
        onChange={(value) => setCorrelation('run', value)}
        suggestions={editor.runPaths}
        problems={editor.problemsAt('correlation.run')}
        readOnly={editor.readOnly}
      />
      <ExpressionField
        label="Filter"
        optional
        value={text(node.filter)}
        onChange={(filter) => update({ filter })}
        suggestions={editor.eventPaths(event)}
        problems={editor.problemsAt('filter')}
        readOnly={editor.readOnly}
      />
      <TextField label="Timeout (ISO 8601)" value={text(node.timeout)} onChange={(timeout) => update({ timeout: timeout ?? '' })} placeholder="P3D" problems={editor.problemsAt('timeout')} readOnly={editor.readOnly} />
    </>
  );
}

export function EmitFields({ editor }: { editor: NodeEditor }) {
  return (
    <>
      <EventField editor={editor} label="Event to emit" />
      <JsonField
        label="Data mapping"
        value={editor.node.data ?? {}}
        onChange={(data) => editor.update({ data })}
        check={mustBeObject}
        suggestions={editor.runPaths}
        problems={editor.problemsAt('data')}
        hint={<>The event’s payload: literals, or <code>{'{"$expr": "…"}'}</code> computed in the run. Checked against the event’s schema.</>}
        readOnly={editor.readOnly}
      />
    </>
  );
}
