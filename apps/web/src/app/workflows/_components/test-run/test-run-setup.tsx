'use client';

import { useEffect, useState } from 'react';
import styles from '../designer.module.css';
import { loadTestPlan, type StubSetting, type TestPlan, type TestRunStart } from './test-run-api';

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
export function TestRunSetup({ workflowId, busy, onStart }: { workflowId: string; busy: boolean; onStart: (start: TestRunStart) => void }) {
  const [plan, setPlan] = useState<TestPlan>();
  const [failure, setFailure] = useState<string>();
  const [sample, setSample] = useState('');
  const [eventId, setEventId] = useState('');
  const [stubs, setStubs] = useState<Record<string, StubDraft>>({});

  useEffect(() => {
    void loadTestPlan(workflowId).then((result) => {
      if (!result.ok) return setFailure(result.message);
      setPlan(result.value);
      setSample(pretty(result.value.sample?.data ?? {}));
      setStubs(Object.fromEntries(result.value.actions.map((action) => [action.nodeId, { allow: !action.stubbedByDefault, output: pretty(action.cannedOutput) }])));
    });
  }, [workflowId]);

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
