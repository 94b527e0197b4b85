'use client';

import { useEffect, useState } from 'react';
import styles from '../designer.module.css';
import { loadPins, loadTestPlan, type DraftPins, type StubSetting, type TestPlan, type TestRunStart, type TestScope } from './test-run-api';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** A JSON text as a value, or the reason it is none. */
function parseJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${what} is not JSON: ${(error as Error).message}` };
  }
}

interface StubDraft {
  allow: boolean;
  output: string;
}

/**
 * What a test run starts with: a sample event (the trigger's example, editable) or a past event's
 * id, and per action node whether it is stubbed, with the canned output it answers, or allowed to act.
 */
export function TestRunSetup({ workflowId, scope, busy, onStart }: { workflowId: string; scope?: TestScope | undefined; busy: boolean; onStart: (start: TestRunStart) => void }) {
  const [plan, setPlan] = useState<TestPlan>();
  const [failure, setFailure] = useState<string>();
  const [sample, setSample] = useState('');
  const [eventId, setEventId] = useState('');
  const [stubs, setStubs] = useState<Record<string, StubDraft>>({});
  const [pins, setPins] = useState<DraftPins>();

  useEffect(() => {
    void loadTestPlan(workflowId).then((result) => {
      if (!result.ok) return setFailure(result.message);
      setPlan(result.value);
      setSample(pretty(result.value.sample?.data ?? {}));
      setStubs(Object.fromEntries(result.value.actions.map((action) => [action.nodeId, { allow: !action.stubbedByDefault, output: pretty(action.cannedOutput) }])));
    });
  }, [workflowId]);

  const usesPins = scope !== undefined && scope.mode !== 'upTo';
  useEffect(() => {
    if (usesPins) void loadPins(workflowId).then((result) => result.ok && setPins(result.value.pins));
  }, [workflowId, usesPins]);

  const start = () => {
    const settings: Record<string, StubSetting> = {};
    for (const [nodeId, stub] of Object.entries(stubs)) {
      if (stub.allow) {
        settings[nodeId] = { mode: 'allow' };
        continue;
      }
      const output = parseJson(stub.output, `The canned output of ${nodeId}`);
      if (!output.ok) return setFailure(output.message);
      settings[nodeId] = { mode: 'stub', output: output.value };
    }
    if (eventId.trim()) return onStart({ eventId: eventId.trim(), stubs: settings });
    const data = parseJson(sample, 'The sample event');
    if (!data.ok) return setFailure(data.message);
    setFailure(undefined);
    onStart({ event: { data: data.value }, stubs: settings });
  };

  if (!plan) return <p className={failure ? 'error' : 'muted'} role={failure ? 'alert' : 'status'}>{failure ?? 'Loading the draft’s actions…'}</p>;
  return (
    <div data-testid="test-run-setup">
      {scope && <ScopeNote scope={scope} pins={pins} />}
      <div className={styles.field}>
        <label htmlFor="test-run-sample">Sample {plan.sample?.type ?? 'trigger'} payload (JSON)</label>
        <textarea id="test-run-sample" data-testid="test-run-sample" rows={8} value={sample} onChange={(e) => setSample(e.target.value)} disabled={!!eventId.trim()} />
      </div>
      <div className={styles.field}>
        <label htmlFor="test-run-event-id">…or the id of a past event to run on</label>
        <input id="test-run-event-id" data-testid="test-run-event-id" value={eventId} onChange={(e) => setEventId(e.target.value)} placeholder="an event id of the log" />
      </div>
      {plan.actions.length > 0 && (
        <fieldset className={styles.group}>
          <legend>Actions</legend>
          <p className={styles.hint}>Actions with side effects are stubbed: they do not act, and answer the canned output. Allow one to let it act for real.</p>
          {plan.actions.map((action) => {
            const stub = stubs[action.nodeId]!;
            const set = (change: Partial<StubDraft>) => setStubs((current) => ({ ...current, [action.nodeId]: { ...stub, ...change } }));
            return (
              <div key={action.nodeId} className={styles.field} data-testid={`test-run-stub-${action.nodeId}`}>
                <label className={styles.checkbox}>
                  <input type="checkbox" checked={stub.allow} onChange={(e) => set({ allow: e.target.checked })} data-testid={`test-run-allow-${action.nodeId}`} />
                  Let <code>{action.nodeId}</code> ({action.actionId}) act{action.stubbedByDefault ? '' : ' — it has no side effects'}
                </label>
                {!stub.allow && (
                  <textarea aria-label={`Canned output of ${action.nodeId}`} rows={4} value={stub.output} onChange={(e) => set({ output: e.target.value })} />
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      {failure && <p role="alert" className="error">{failure}</p>}
      <button type="button" onClick={start} disabled={busy} data-testid="test-run-start">
        Start test run
      </button>
    </div>
  );
}

const SCOPE_NOTES: Record<TestScope['mode'], string> = {
  node: 'Only this node runs, on the event below.',
  upTo: 'The draft runs from its trigger and stops after this node.',
  from: 'The draft runs from this node on; the nodes before it do not run.',
};

/** What a partial test runs, and which pinned outputs stand in for the nodes it does not run. */
function ScopeNote({ scope, pins }: { scope: TestScope; pins: DraftPins | undefined }) {
  const pinned = Object.keys(pins ?? {}).filter((nodeId) => nodeId !== scope.nodeId);
  return (
    <p className={styles.hint} data-testid="test-run-scope">
      {SCOPE_NOTES[scope.mode]}{' '}
      {scope.mode !== 'upTo' && (pinned.length > 0 ? <>Pinned outputs used for: {pinned.map((nodeId) => <code key={nodeId}>{nodeId} </code>)}</> : <>No node is pinned: earlier nodes’ outputs are empty.</>)}
    </p>
  );
}
