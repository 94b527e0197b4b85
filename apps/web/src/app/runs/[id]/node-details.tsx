'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { DateTime } from '@/components/date-time';
import { STATE_LABELS } from '@/components/workflow-graph/decorated-node';
import { problemText } from '@/components/problem-text';
import type { RunView } from '@/server/run-view/run-view';
import { formatDuration } from './format-duration';
import { JsonValue } from './json-value';
import styles from './run-view.module.css';

export interface StepRecord {
  key: string; nodeId: string; status: string; attempts: number; input: unknown; output: unknown; error: unknown; startedAt: string; finishedAt: string | null;
}

/** Steps a node panel reads per page: a body node can have a thousand, one per iteration. */
const PANEL_STEPS = 20;

/**
 * What one node did in the run: its state, then its steps with input, output, error and
 * attempts, read page by page from the steps API. A forEach has an iteration picker that lists
 * that iteration's body steps; a sub-workflow links to the runs it started.
 */
export function NodeDetails({ view, nodeId, onClose }: { view: RunView; nodeId: string; onClose: () => void }) {
  const node = view.nodes.find((candidate) => candidate.nodeId === nodeId);
  const forEach = view.forEach[nodeId];
  const [iteration, setIteration] = useState(0);
  const query = forEach ? `keyPrefix=${encodeURIComponent(`${nodeId}[${iteration}].`)}` : `node=${encodeURIComponent(nodeId)}`;
  const { steps, more, error, loadMore } = useSteps(view.run.id, query, view.now);
  if (!node) return null;
  const children = view.children.filter((child) => child.nodeId === nodeId);
  return (
    <section className="card" data-testid="node-details" aria-label={`Node ${nodeId}`}>
      <h2>
        <code>{nodeId}</code> · <span data-testid="node-details-state">{STATE_LABELS[node.state]}</span>{' '}
        <button type="button" onClick={onClose} aria-label="Close node details">×</button>
      </h2>
      <dl className={styles.facts}>
        <dt>Started</dt><dd><DateTime value={node.startedAt} milliseconds /></dd>
        <dt>Finished</dt><dd><DateTime value={node.finishedAt} milliseconds /></dd>
        <dt>Duration</dt><dd>{node.durationMs === null ? '—' : formatDuration(node.durationMs)}</dd>
        <dt>Runs / retries</dt><dd>{node.steps} run{node.steps === 1 ? '' : 's'}, {node.retries} retr{node.retries === 1 ? 'y' : 'ies'}{node.failed ? `, ${node.failed} failed` : ''}</dd>
      </dl>
      {children.length > 0 && (
        <p data-testid="node-child-runs">Child run{children.length > 1 ? 's' : ''}: {children.map((child) => (
          <Link key={child.runId} href={`/runs/${child.runId}`}><code>{child.stepKey}</code> ({child.status})</Link>
        )).reduce<React.ReactNode[]>((all, link, index) => (index ? [...all, ', ', link] : [link]), [])}</p>
      )}
      {forEach && (
        <div className={styles.picker} data-testid="iteration-picker">
          <span>Iteration</span>
          <button type="button" disabled={iteration <= 0} onClick={() => setIteration(iteration - 1)} aria-label="Previous iteration">‹</button>
          <input type="number" min={0} max={Math.max(0, forEach.iterations - 1)} value={iteration} aria-label="Iteration number"
            onChange={(event) => setIteration(Math.min(Math.max(0, Number(event.target.value) || 0), Math.max(0, forEach.iterations - 1)))} />
          <button type="button" disabled={iteration >= forEach.iterations - 1} onClick={() => setIteration(iteration + 1)} aria-label="Next iteration">›</button>
          <span className="muted">of {forEach.iterations} (0–{Math.max(0, forEach.iterations - 1)})</span>
        </div>
      )}
      {forEach && forEach.body.length > 0 && (
        <p className="muted">Over all iterations: {forEach.body.map((body) => `${body.nodeId} ${body.completed}/${body.steps} completed${body.failed ? `, ${body.failed} failed` : ''}${body.retries ? `, ${body.retries} retries` : ''}`).join('; ')}</p>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      {steps.length === 0 && !error && <p className="muted">{forEach ? 'This iteration left no steps yet.' : 'No step recorded for this node yet.'}</p>}
      {steps.map((step) => (
        <div key={step.key} className={styles.attempt} data-testid="node-step">
          <strong><code>{step.key}</code></strong> · {step.status} · attempt{step.attempts === 1 ? '' : 's'} {step.attempts} · <DateTime value={step.startedAt} milliseconds />
          {step.finishedAt && <> · {formatDuration(Date.parse(step.finishedAt) - Date.parse(step.startedAt))}</>}
          <JsonValue value={step.input} label="input" />
          <JsonValue value={step.output} label="output" />
          {step.error !== null && <JsonValue value={step.error} label="error" />}
        </div>
      ))}
      {more && <button type="button" onClick={loadMore}>More steps</button>}
    </section>
  );
}

/** A node's (or an iteration's) steps, page by page; read again when the run changes (`version`). */
function useSteps(runId: string, query: string, version: string) {
  const [state, setState] = useState<{ steps: StepRecord[]; next: string | null; error?: string }>({ steps: [], next: null });
  const read = async (cursor: string | null, append: boolean) => {
    const response = await fetch(`/api/v1/runs/${runId}/steps?${query}&limit=${PANEL_STEPS}${cursor ? `&cursor=${cursor}` : ''}`, { cache: 'no-store' });
    if (!response.ok) {
      const error = await problemText(response, 'The steps could not be read');
      return setState((previous) => ({ ...previous, error }));
    }
    const page = (await response.json()) as { items: StepRecord[]; nextCursor: string | null };
    setState((previous) => ({ steps: append ? [...previous.steps, ...page.items] : page.items, next: page.nextCursor }));
  };
  useEffect(() => {
    void read(null, false);
    // read is recreated each render; runId, query and version say when to read again.
  }, [runId, query, version]);
  return { steps: state.steps, more: state.next !== null, error: state.error, loadMore: () => void read(state.next, true) };
}
