'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { DateTime } from '@/components/date-time';
import { STATE_LABELS, type NodeDecoration } from '@/components/workflow-graph/decorated-node';
import { ReadOnlyGraph } from '@/components/workflow-graph/read-only-graph';
import { repeatCaption } from '@/components/workflow-graph/run-caption';
import type { RunView } from '@/server/run-view/run-view';
import { formatDuration } from './format-duration';
import { NodeDetails, type StepRecord } from './node-details';
import { RunActions } from './run-actions';
import styles from './run-view.module.css';
import { StepsTable } from './steps-table';
import { Timeline } from './timeline';
import { useLiveJson } from '@/components/live/use-live-json';
import { WaitPanel } from './wait-panel';

const LEGEND: Array<[NodeDecoration['state'], string]> = [
  ['completed', 'var(--ok)'], ['running', 'var(--accent)'], ['waiting', '#9a6700'], ['failed', 'var(--bad)'], ['skipped', '#6e7781'], ['not-reached', '#d0d7de'],
];

/** The run page: the run drawn on the version it executes, kept live by polling its view while it runs. */
export function RunLiveView({ initial, firstSteps }: { initial: RunView; firstSteps: { items: StepRecord[]; nextCursor: string | null } }) {
  const { value: view, connected } = useLiveJson(`/api/v1/runs/${initial.run.id}/view`, initial, (current) => current.run.status === 'RUNNING');
  const [selected, setSelected] = useState<string>();
  const { run } = view;
  const error = run.error as { message?: string; node?: string } | null;
  const nodeTypes = useMemo(() => typesOf(view.definition), [view.definition]);
  const { decorations, active } = useMemo(() => {
    const map = new Map<string, NodeDecoration>();
    // forEach bodies are drawn open: each body node shows its state summed over the iterations.
    const all = [...view.nodes, ...Object.values(view.forEach).flatMap((loop) => loop.body)];
    for (const node of all) map.set(node.nodeId, { state: node.state, caption: captionOf(node, view.forEach[node.nodeId]?.iterations) });
    return { decorations: map, active: new Set(all.filter((node) => node.state === 'running' || node.state === 'waiting').map((node) => node.nodeId)) };
  }, [view.nodes, view.forEach]);
  const taken = useMemo(() => new Set(view.takenEdges), [view.takenEdges]);
  const eventLink = (event: { id: string; type: string }) => <Link href={`/events/${event.id}`}><code>{event.type}</code> · <code>{event.id}</code></Link>;
  const openWaits = view.waits.filter((wait) => wait.state === 'waiting');
  return (
    <div className={styles.layout}>
      <h1 className="wrap-anywhere">{run.workflowName} <span className="muted">v{run.version}</span></h1>
      <div className="card">
        <table className="fixed">
          <colgroup><col style={{ width: '22%' }} /><col /></colgroup>
          <tbody>
            <tr>
              <th>Status</th>
              <td>
                <span data-testid="run-status">{run.status}</span>
                {run.status === 'RUNNING' && <span className={`${styles.live} ${connected ? styles.liveOn : styles.liveOff}`} data-testid="run-live">{connected ? 'live' : 'reconnecting…'}</span>}{' '}
                <RunActions runId={run.id} status={run.status} />
              </td>
            </tr>
            {error && <tr><th>Error</th><td className="status-bad" data-testid="run-error">{error.node ? `${error.node}: ` : ''}{error.message}</td></tr>}
            <tr><th>Workflow</th><td><Link href={`/workflows/${run.workflowId}`}>{run.workflowName}</Link> · <Link href={`/runs?workflow=${run.workflowId}`}>its runs</Link></td></tr>
            <tr><th>Started / finished</th><td><DateTime value={run.startedAt} milliseconds /> / <DateTime value={run.finishedAt} milliseconds /></td></tr>
            <tr><th>Triggering event</th><td data-testid="run-trigger-event">{view.events.trigger ? eventLink(view.events.trigger) : run.eventId ? <code>{run.eventId}</code> : '—'}</td></tr>
            {run.parentRunId && <tr><th>Started by</th><td><Link href={`/runs/${run.parentRunId}`}>parent run</Link></td></tr>}
          </tbody>
        </table>
      </div>
      <section className="card">
        <h2>On its canvas</h2>
        <ul className={styles.legend} aria-label="Node states">
          {LEGEND.map(([state, color]) => <li key={state} style={{ '--swatch': color } as React.CSSProperties}>{STATE_LABELS[state]}</li>)}
          <li className="muted">Click a node for its input, output, error and attempts.</li>
        </ul>
        <ReadOnlyGraph definition={view.definition} label={`Run of ${run.workflowName}`} testId="run-canvas" height={560}
          decorations={decorations} takenEdges={taken} activeNodes={active} onNodeClick={setSelected} openBodies />
      </section>
      {selected && <NodeDetails key={selected} view={view} nodeId={selected} onClose={() => setSelected(undefined)} />}
      {openWaits.length > 0 && (
        <section className="card" data-testid="run-waiting">
          <h2>Waiting</h2>
          {openWaits.map((wait) => <WaitPanel key={wait.nodeKey} wait={wait} />)}
        </section>
      )}
      {view.approvals.length > 0 && (
        <section className="card" data-testid="run-approvals">
          <h2>Approvals</h2>
          <ul>
            {view.approvals.map((task) => (
              <li key={task.id}>
                <Link href="/approvals">{task.title}</Link> (<code>{task.nodeKey}</code>): {task.status}{task.decidedBy ? ` by ${task.decidedBy}` : ''} · assignees {task.assignees.join(', ') || '—'} · due <DateTime value={task.dueAt} />
                {task.escalation && <> · escalates to {task.escalation.assignees.join(', ')} after {task.escalation.after}{task.escalatedAt ? <> (escalated <DateTime value={task.escalatedAt} />)</> : ''}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card">
        <h2>Timeline</h2>
        <Timeline view={view} nodeTypes={nodeTypes} />
      </section>
      <section className="card">
        <h2>Events</h2>
        <h3>Emitted</h3>
        {view.events.emitted.length ? (
          <ul data-testid="run-emitted-events" className="wrap-anywhere">
            {view.events.emitted.map((event) => <li key={event.id}>{eventLink(event)} by step <code>{event.stepKey}</code></li>)}
          </ul>
        ) : <p className="muted">None.</p>}
        <h3>Received</h3>
        {view.events.received.length ? (
          <ul data-testid="run-received-events" className="wrap-anywhere">
            {view.events.received.map((event) => <li key={`${event.nodeKey}/${event.id}`}>{eventLink(event)} by wait <code>{event.nodeKey}</code></li>)}
          </ul>
        ) : <p className="muted">None.</p>}
        {view.waits.filter((wait) => wait.state !== 'waiting').map((wait) => <ClosedWait key={wait.nodeKey} wait={wait} />)}
      </section>
      <section className="card">
        <h2>Steps</h2>
        <StepsTable runId={run.id} initial={firstSteps} version={view.now} />
      </section>
    </div>
  );
}

/** A wait that is over, in one line; its explanation is drawn only when asked for (a hidden one would hold unreadable dates). */
function ClosedWait({ wait }: { wait: RunView['waits'][number] }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      Wait <code>{wait.nodeKey}</code>: {wait.state}{' '}
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Hide' : 'Why'}</button>
      {open && <WaitPanel wait={wait} />}
    </div>
  );
}

function captionOf(node: RunView['nodes'][number], iterations: number | undefined): string {
  const parts: string[] = [STATE_LABELS[node.state]];
  if (node.durationMs !== null && node.state !== 'skipped') parts.push(formatDuration(node.durationMs));
  return [...parts, ...repeatCaption(node, iterations)].join(' · ');
}

/** Node id → type over the stored definition, forEach bodies included, for the timeline's waits. */
function typesOf(definition: unknown): Map<string, string> {
  const types = new Map<string, string>();
  const visit = (nodes: unknown) => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Array<{ id?: unknown; type?: unknown; body?: { nodes?: unknown } }>) {
      if (typeof node?.id === 'string' && typeof node.type === 'string') types.set(node.id, node.type);
      visit(node?.body?.nodes);
    }
  };
  visit((definition as { nodes?: unknown } | null)?.nodes);
  return types;
}
