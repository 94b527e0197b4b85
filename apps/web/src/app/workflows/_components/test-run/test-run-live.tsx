'use client';

import { useMemo } from 'react';
import { useLiveJson } from '@/components/live/use-live-json';
import { STATE_LABELS, type NodeDecoration } from '@/components/workflow-graph/decorated-node';
import { ReadOnlyGraph } from '@/components/workflow-graph/read-only-graph';
import { repeatCaption } from '@/components/workflow-graph/run-caption';
import styles from '../designer.module.css';
import { ScopedResult } from './scoped-result';
import { WaitingAnswer } from './test-run-answers';
import { testRunUrl, type TestRunView } from './test-run-api';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** "completed · 3× · stubbed": its state, how often it ran (in a forEach body) or a forEach's iterations, and whether it was stubbed. */
function captionOf(node: TestRunView['nodes'][number], stubbed: boolean): string {
  const iterations = node.state === 'not-reached' ? null : node.iterations;
  return [STATE_LABELS[node.state], ...repeatCaption(node, iterations), ...(stubbed ? ['stubbed'] : [])].join(' · ');
}

/** A test run as it goes: drawn on its draft as the run viewer draws a run, with what it waits for, stubbed and would have emitted. */
export function TestRunLive({ initial }: { initial: TestRunView }) {
  const { value: run } = useLiveJson(testRunUrl(initial.workflowId, initial.id), initial, (current) => current.status === 'RUNNING');
  const { decorations, taken, active } = useMemo(() => {
    const stubbed = new Set(run.steps.filter((step) => step.effect === 'stubbed').map((step) => step.nodeId));
    const map = new Map<string, NodeDecoration>();
    for (const node of run.nodes) map.set(node.nodeId, { state: node.state, caption: captionOf(node, stubbed.has(node.nodeId)) });
    const open = new Set(run.nodes.filter((node) => node.state === 'running' || node.state === 'waiting').map((node) => node.nodeId));
    return { decorations: map, taken: new Set(run.takenEdges), active: open };
  }, [run.nodes, run.steps, run.takenEdges]);
  const error = run.error as { message?: string; node?: string } | null;
  return (
    <div data-testid="test-run-live">
      <p>
        Test run <span data-testid="test-run-status" className={run.status === 'FAILED' ? 'status-bad' : undefined}>{run.status}</span>
        <span className="muted"> · nothing it does is published or counted with production runs</span>
      </p>
      <ScopedResult run={run} />
      {error && <p role="alert" className="error" data-testid="test-run-error">{error.node ? `${error.node}: ` : ''}{error.message}</p>}
      <ReadOnlyGraph definition={run.definition} label={`Test run of ${(run.definition as { name?: string }).name ?? 'the draft'}`} testId="test-run-canvas" height={520}
        decorations={decorations} takenEdges={taken} activeNodes={active} openBodies />
      {run.waiting.length > 0 && (
        <section>
          <h3>Waiting</h3>
          <ul className={styles.testRunList}>
            {run.waiting.map((waiting) => <WaitingAnswer key={waiting.key} workflowId={run.workflowId} testRunId={run.id} waiting={waiting} />)}
          </ul>
        </section>
      )}
      <section data-testid="test-run-stubbed">
        <h3>Stubbed calls</h3>
        {run.stubbedCalls.length === 0 ? <p className="muted">None so far.</p> : (
          <ul className={styles.testRunList}>
            {run.stubbedCalls.map((call) => (
              <li key={call.key}>
                <strong>{call.key}</strong> did not act. It would have been called with <pre>{json(call.input)}</pre> and answered <pre>{json(call.output)}</pre>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section data-testid="test-run-emits">
        <h3>Recorded emits</h3>
        {run.emits.length === 0 ? <p className="muted">None so far.</p> : (
          <ul className={styles.testRunList}>
            {run.emits.map((emit) => (
              <li key={emit.key}>
                <strong>{emit.key}</strong> would emit <code>{emit.type}</code>{emit.version ? ` v${emit.version}` : ''} (not published): <pre>{json(emit.data)}</pre>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
