'use client';

import { useState } from 'react';
import styles from '../designer.module.css';
import { answerTestRun, type TestRunAnswer, type TestRunView } from './test-run-api';

type Waiting = TestRunView['waiting'][number];

/** One thing the test run waits for, with the control that answers it: an event to send, an approval to decide, a delay to skip. */
export function WaitingAnswer({ workflowId, testRunId, waiting }: { workflowId: string; testRunId: string; waiting: Waiting }) {
  const [text, setText] = useState(() => JSON.stringify(waiting.kind === 'event' ? waiting.matchingData : {}, null, 2));
  const [status, setStatus] = useState<{ failed: boolean; message: string }>();
  const send = async (answer: TestRunAnswer) => {
    setStatus({ failed: false, message: 'Sending…' });
    const result = await answerTestRun(workflowId, testRunId, answer);
    setStatus(result.ok ? { failed: false, message: 'Delivered; the run goes on' } : { failed: true, message: [result.message, ...result.fieldErrors.map((e) => `${e.path}: ${e.message}`)].join(' — ') });
  };
  const withData = (then: (data: unknown) => TestRunAnswer) => {
    try {
      void send(then(JSON.parse(text) as unknown));
    } catch (error) {
      setStatus({ failed: true, message: `Not JSON: ${(error as Error).message}` });
    }
  };
  return (
    <li className={styles.testRunWaiting} data-testid={`test-run-waiting-${waiting.key}`}>
      {waiting.kind === 'event' && (
        <>
          <strong>{waiting.key}</strong> waits for a <code>{waiting.eventType}</code>. Send one that correlates (it is not published):
          <textarea aria-label={`Awaited ${waiting.eventType} payload`} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="button" onClick={() => withData((data) => ({ kind: 'event', key: waiting.key, data }))}>Send event</button>
        </>
      )}
      {waiting.kind === 'approval' && (
        <>
          <strong>{waiting.key}</strong> waits for a decision: {waiting.title}
          <textarea aria-label={`Decision form of ${waiting.key}`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="button" onClick={() => withData((data) => ({ kind: 'approval', key: waiting.key, outcome: 'approved', data: data as Record<string, unknown> }))}>Approve</button>{' '}
          <button type="button" className={styles.secondary} onClick={() => withData((data) => ({ kind: 'approval', key: waiting.key, outcome: 'rejected', data: data as Record<string, unknown> }))}>Reject</button>
        </>
      )}
      {waiting.kind === 'delay' && (
        <>
          <strong>{waiting.key}</strong> waits until {waiting.until ?? 'later'}.{' '}
          <button type="button" onClick={() => void send({ kind: 'skipDelay', key: waiting.key })}>Skip delay</button>
        </>
      )}
      {status && <p role={status.failed ? 'alert' : 'status'} className={status.failed ? 'error' : 'muted'}>{status.message}</p>}
    </li>
  );
}
