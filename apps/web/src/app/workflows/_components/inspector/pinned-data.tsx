'use client';

import { useEffect, useState } from 'react';
import { JsonEditor } from '@/components/json-editor';
import { scopeOf } from '@/designer/bodies';
import type { DraftNode } from '@/designer/draft';
import { useDesigner } from '../designer-context';
import styles from '../designer.module.css';
import { useNodeTest } from '../test-run/node-test-context';
import { BodyItemPin } from './body-item-pin';
import { loadPins, pinNode, pinRun, SCOPE_LABELS, type PinRequest, type PinsAnswer, type StoredPin, type TestScope } from '../test-run/test-run-api';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

const SOURCE_LABELS = { typed: 'typed', sample: 'the action’s sample output', run: 'a past run' } as const;

function sourceText(pin: StoredPin): string {
  return pin.source.kind === 'run' ? `step ${pin.source.key} of run ${pin.source.runId}` : SOURCE_LABELS[pin.source.kind];
}

/**
 * A node's pinned data and its partial tests: the output a test of one node, or from a node, uses in
 * place of running this node (typed as JSON, the action's sample, or copied from a past run's step),
 * and the buttons that open the test panel on this node alone, up to it, or from it. A node inside a
 * body is tested alone only, on the item of each body it sits in (pinned, or generated to start from).
 * Pins are stored with the draft and never published.
 */
export function PinnedData({ node }: { node: DraftNode }) {
  const nodeTest = useNodeTest();
  const { definition, readOnly } = useDesigner();
  const [pins, setPins] = useState<PinsAnswer>();
  const [text, setText] = useState<string>();
  const [runId, setRunId] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string; details: string[] }>();
  // The bodies the node sits in, outermost first; undefined while the node is not in the draft.
  const owners = scopeOf(definition, node.id);
  const present = owners !== undefined;
  const workflowId = nodeTest?.workflowId;

  useEffect(() => {
    if (!workflowId || !present) return;
    void loadPins(workflowId).then((result) => (result.ok ? setPins(result.value) : setMessage({ error: true, text: result.message, details: [] })));
  }, [workflowId, present]);

  if (!nodeTest || !owners || node.type === 'trigger') return null;
  const pin = pins?.pins[node.id];
  // The editor opens on the stored pin and is started over only when the pin changes, not as one types.
  const stored = pin ? pretty(pin.output) : '';
  const shown = text ?? stored;

  const refuse = (text: string) => setMessage({ error: true, text, details: [] });
  /** Shows what became of a change of the pins; true when it was made. */
  const change = async (request: Promise<Awaited<ReturnType<typeof pinNode>>>, done: string): Promise<boolean> => {
    const result = await request;
    if (!result.ok) {
      setMessage({ error: true, text: result.message, details: result.fieldErrors.map((error) => `${error.path}: ${error.message}`) });
      return false;
    }
    setPins(result.value);
    setText(undefined);
    setMessage({ error: false, text: done, details: result.value.warnings.map((warning) => `${warning.path}: ${warning.message}`) });
    return true;
  };
  const pinTyped = () => {
    try {
      void change(pinNode(nodeTest.workflowId, node.id, { kind: 'typed', output: JSON.parse(shown) as unknown }), 'Pinned.');
    } catch (error) {
      refuse(`The pinned output is not JSON: ${(error as Error).message}`);
    }
  };
  const pinFrom = (source: PinRequest, done: string) => void change(pinNode(nodeTest.workflowId, node.id, source), done);
  // Inside a body a node runs once per item: it can be tested alone, not run up to or from.
  const scopes: Array<TestScope['mode']> = owners.length > 0 ? ['node'] : ['node', 'upTo', 'from'];

  return (
    <fieldset className={styles.group} data-testid="pinned-data" aria-label="Pinned data">
      <legend>Pinned data</legend>
      {/* The node's input from each body it sits in comes first: a test of it alone needs it. */}
      {pins && owners.map((ownerId) => (
        <BodyItemPin key={ownerId} nodeId={node.id} ownerId={ownerId} workflowId={nodeTest.workflowId} pins={pins} onChange={change} onRefused={refuse} />
      ))}
      <p className={styles.hint}>
        {pin ? <>Pinned from {sourceText(pin)}. </> : <>Not pinned. </>}
        A test of a later node alone, or from a later node, uses this as <code>steps.{node.id}.output</code>. Kept with the draft, never published.
      </p>
      {pins && (
        <JsonEditor text={stored} label={`Pinned output of ${node.id}`} onChange={setText} readOnly={readOnly} className="json-editor" testId="pinned-output" />
      )}
      <div className={styles.buttonRow}>
        <button type="button" className={styles.secondary} disabled={readOnly || !shown.trim()} onClick={pinTyped} data-testid="pin-typed">Pin this output</button>
        {node.type === 'action' && (
          <button type="button" className={styles.secondary} disabled={readOnly} onClick={() => pinFrom({ kind: 'sample' }, 'Pinned the sample output.')} data-testid="pin-sample">Fill from sample</button>
        )}
        {pin && <button type="button" className={styles.secondary} disabled={readOnly} onClick={() => void change(pinNode(nodeTest.workflowId, node.id, null), 'Unpinned.')} data-testid="unpin">Unpin</button>}
      </div>
      <div className={styles.field}>
        <label htmlFor={`pin-run-${node.id}`}>Copy from a past run (its id)</label>
        <input id={`pin-run-${node.id}`} value={runId} onChange={(e) => setRunId(e.target.value)} placeholder="a run id" data-testid="pin-run-id" />
        <div className={styles.buttonRow}>
          <button type="button" className={styles.secondary} disabled={readOnly || !runId.trim()} onClick={() => pinFrom({ kind: 'run', runId: runId.trim() }, 'Pinned this node’s output in that run.')}>This node’s step</button>
          <button type="button" className={styles.secondary} disabled={readOnly || !runId.trim()} onClick={() => void change(pinRun(nodeTest.workflowId, runId.trim()), 'Pinned every node’s output in that run.')}>Every node’s step</button>
        </div>
      </div>
      {message && (
        <div role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'} data-testid="pin-message">
          {message.text}
          {message.details.length > 0 && <ul>{message.details.map((detail) => <li key={detail}>{detail}</li>)}</ul>}
        </div>
      )}
      <div className={styles.buttonRow}>
        {scopes.map((mode) => (
          <button key={mode} type="button" disabled={readOnly} onClick={() => nodeTest.openScopedTest({ mode, nodeId: node.id })} data-testid={`scoped-test-${mode}`}>
            {SCOPE_LABELS[mode]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
