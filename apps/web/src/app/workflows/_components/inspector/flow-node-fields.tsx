'use client';

import { removePortEdges, renamePort, updateNode } from '@/designer/edit';
import { useDesigner } from '../designer-context';
import styles from '../designer.module.css';
import { DurationField } from './duration-field';
import { ExpressionField, Field, JsonField, mustBeObject, TextField } from './field';
import { text, type NodeEditor } from './node-editor';

/** Fields of the nodes that steer the flow: condition, switch, join, forEach and delay. */

export function ConditionFields({ editor }: { editor: NodeEditor }) {
  return (
    <ExpressionField
      label="Expression"
      value={text(editor.node.expression)}
      onChange={(expression) => editor.update({ expression: expression ?? '' })}
      suggestions={editor.runPaths}
      example={editor.example('expression')}
      problems={editor.problemsAt('expression')}
      hint="Leads to the true port when the value is truthy, the false port otherwise."
      readOnly={editor.readOnly}
    />
  );
}

interface Case {
  port: string;
  expression: string;
}

export function SwitchFields({ editor }: { editor: NodeEditor }) {
  const { dispatch } = useDesigner();
  const { node, readOnly } = editor;
  const cases = (Array.isArray(node.cases) ? node.cases : []) as Case[];
  const setCases = (next: Case[], edges = (d: Parameters<typeof updateNode>[0]) => d) =>
    dispatch({ type: 'edit', apply: (d) => updateNode(edges(d), node.id, { cases: next }), group: `field:${node.id}:cases` });
  const freePort = () => {
    for (let n = cases.length + 1; ; n += 1) if (!cases.some((c) => c.port === `case_${n}`)) return `case_${n}`;
  };
  return (
    <fieldset className={styles.group}>
      <legend>Cases, in order: the first that is true is taken, else default</legend>
      {cases.map((c, index) => (
        <div key={index} className={styles.caseRow}>
          <TextField
            label={`Case ${index + 1} port`}
            value={c.port}
            onChange={(port = '') => setCases(cases.map((other, i) => (i === index ? { ...other, port } : other)), (d) => renamePort(d, node.id, c.port, port))}
            problems={editor.problemsAt(`cases[${index}].port`)}
            readOnly={readOnly}
          />
          <ExpressionField
            label="when"
            value={c.expression}
            onChange={(expression = '') => setCases(cases.map((other, i) => (i === index ? { ...other, expression } : other)))}
            suggestions={editor.runPaths}
            example={editor.example(`cases[${index}].expression`)}
            problems={editor.problemsAt(`cases[${index}].expression`)}
            readOnly={readOnly}
          />
          <button type="button" className={styles.secondary} disabled={readOnly} onClick={() => setCases(cases.filter((_, i) => i !== index), (d) => removePortEdges(d, node.id, c.port))}>
            Remove case {index + 1}
          </button>
        </div>
      ))}
      {editor.problemsAt('cases').filter((p) => p.field === 'cases').map((p, i) => <p key={i} className={styles.fieldProblem}>{p.message}</p>)}
      <button type="button" className={styles.secondary} disabled={readOnly} onClick={() => setCases([...cases, { port: freePort(), expression: 'true' }])}>
        Add case
      </button>
    </fieldset>
  );
}

export function JoinFields({ editor }: { editor: NodeEditor }) {
  return (
    <Field label="Waits for" problems={editor.problemsAt('mode')}>
      {(id) => (
        <select id={id} value={text(editor.node.mode) ?? 'all'} onChange={(e) => editor.update({ mode: e.target.value })} disabled={editor.readOnly}>
          <option value="all">all incoming branches</option>
          <option value="any">the first branch to arrive</option>
        </select>
      )}
    </Field>
  );
}

export function ForEachFields({ editor }: { editor: NodeEditor }) {
  const { node, update, readOnly } = editor;
  return (
    <>
      <ExpressionField label="Items" value={text(node.items)} onChange={(items) => update({ items: items ?? '' })} suggestions={editor.runPaths} example={editor.example('items')} problems={editor.problemsAt('items')} readOnly={readOnly} />
      <Field label="Concurrency" problems={editor.problemsAt('concurrency')}>
        {(id) => <input id={id} type="number" min={1} max={100} value={Number(node.concurrency ?? 1)} readOnly={readOnly} onChange={(e) => update({ concurrency: Number.isNaN(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber })} />}
      </Field>
      <p className="muted" data-testid="body-hint">
        Its body is drawn on the canvas, inside this node: add steps with <q>+ add step</q> (or the palette, with a step of the
        body selected) and lead its <code>item</code> port to the first. Inside it <code>steps.{node.id}.item</code> is the current
        item and <code>steps.{node.id}.index</code> its position.
      </p>
    </>
  );
}

export function DelayFields({ editor }: { editor: NodeEditor }) {
  const { node, update, readOnly } = editor;
  return (
    <>
      <p className={styles.hint}>Give a duration, or an until expression: not both.</p>
      <DurationField label="Duration" optional value={text(node.duration)} onChange={(duration) => update({ duration })} problems={editor.problemsAt('duration')} readOnly={readOnly} />
      <ExpressionField label="Until" optional value={text(node.until)} onChange={(until) => update({ until })} suggestions={editor.runPaths} example={editor.example('until')} problems={editor.problemsAt('until')} hint="An expression giving the ISO 8601 instant to wait for." readOnly={readOnly} />
      <JsonField
        label="Business hours"
        optional
        value={node.calendar}
        onChange={(calendar) => update({ calendar })}
        check={mustBeObject}
        problems={editor.problemsAt('calendar')}
        rows={3}
        hint={<>Optional: <code>{'{"timeZone": "Europe/Berlin", "days": ["mon","tue","wed","thu","fri"], "from": "09:00", "to": "17:00"}'}</code></>}
        readOnly={readOnly}
      />
    </>
  );
}
