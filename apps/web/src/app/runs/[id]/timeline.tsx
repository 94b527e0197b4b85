'use client';

import type { RunView } from '@/server/run-view/run-view';
import { formatDuration } from './format-duration';
import styles from './run-view.module.css';

/**
 * The run's Gantt chart in plain SVG: a bar per node from its first start to its last finish,
 * waits, approvals and delays hatched as the time they spent waiting, and the events of its
 * causation chain as marks on the same axis, each a link to its event page. Plain SVG rather
 * than a chart library: a Gantt is rectangles on one linear time scale, and SVG keeps every bar
 * and mark a link with a title that tests and screen readers reach.
 */

const WIDTH = 1000;
const LABEL = 170;
const ROW = 22;
const TOP = 44;

const COLORS: Record<string, string> = {
  completed: 'var(--ok)', failed: 'var(--bad)', running: 'var(--accent)', waiting: '#9a6700', skipped: '#8c959f', 'not-reached': '#d0d7de',
};

interface Span { id: string; label: string; start: number; end: number; color: string; hatched: boolean; title: string }
interface Mark { id: string; at: number; label: string; href: string; title: string }

export function Timeline({ view, nodeTypes }: { view: RunView; nodeTypes: ReadonlyMap<string, string> }) {
  const now = Date.parse(view.now);
  const spans: Span[] = view.nodes
    .filter((node) => node.startedAt)
    .map((node) => {
      const start = Date.parse(node.startedAt!);
      const end = node.finishedAt ? Date.parse(node.finishedAt) : now;
      const waits = ['waitForEvent', 'delay', 'approval'].includes(nodeTypes.get(node.nodeId) ?? '');
      return { id: node.nodeId, label: node.nodeId, start, end, color: COLORS[node.state] ?? '#8c959f', hatched: waits, title: `${node.nodeId}: ${node.state}, ${formatDuration(end - start)}` };
    })
    .sort((a, b) => a.start - b.start);
  const marks: Mark[] = [
    ...(view.events.trigger ? [{ id: view.events.trigger.id, at: Date.parse(view.events.trigger.receivedAt), label: 'trigger', href: `/events/${view.events.trigger.id}`, title: `Trigger: ${view.events.trigger.type}` }] : []),
    ...view.events.received.map((event) => ({ id: event.id, at: Date.parse(event.receivedAt), label: 'received', href: `/events/${event.id}`, title: `Received by ${event.nodeKey}: ${event.type}` })),
    ...view.events.emitted.map((event) => ({ id: event.id, at: Date.parse(event.receivedAt), label: 'emitted', href: `/events/${event.id}`, title: `Emitted by ${event.stepKey}: ${event.type}` })),
  ];
  const runEnd = view.run.finishedAt ? Date.parse(view.run.finishedAt) : now;
  const t0 = Math.min(Date.parse(view.run.startedAt), ...marks.map((mark) => mark.at), ...spans.map((span) => span.start));
  const t1 = Math.max(runEnd, t0 + 1, ...marks.map((mark) => mark.at), ...spans.map((span) => span.end));
  const x = (t: number) => LABEL + ((t - t0) / (t1 - t0)) * (WIDTH - LABEL - 10);
  const height = TOP + spans.length * ROW + 24;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => t0 + f * (t1 - t0));
  return (
    <div className={styles.timeline}>
      {/* A figure, not an image: its event marks are links a keyboard reaches. */}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="figure" aria-label="Timeline of the run" data-testid="run-timeline">
        <defs>
          <pattern id="waiting-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" /><rect width="3" height="6" fill="currentColor" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 18} stroke="#d9dee4" />
            <text x={x(tick)} y={height - 4} textAnchor={tick === t1 ? 'end' : 'middle'} fill="var(--muted)">+{formatDuration(tick - t0)}</text>
          </g>
        ))}
        <text x={4} y={22} fill="var(--muted)">events</text>
        {marks.map((mark) => (
          <a key={`${mark.label}-${mark.id}`} href={mark.href} data-testid="timeline-event">
            <title>{mark.title}</title>
            <path d={`M ${x(mark.at)} 12 l 7 9 l -7 9 l -7 -9 z`} fill={mark.label === 'emitted' ? '#8250df' : mark.label === 'received' ? '#9a6700' : 'var(--accent)'} />
            {/* Near the right edge the label goes left of its mark, so it stays inside the chart. */}
            <text x={x(mark.at) > WIDTH - 90 ? x(mark.at) - 9 : x(mark.at) + 9} y={25} textAnchor={x(mark.at) > WIDTH - 90 ? 'end' : 'start'} fill="var(--fg)">{mark.label}</text>
          </a>
        ))}
        {spans.map((span, index) => {
          const y = TOP + index * ROW;
          return (
            <g key={span.id} data-testid="timeline-span" data-node={span.id}>
              <title>{span.title}</title>
              <text x={4} y={y + 14} fill="var(--fg)">{span.label.length > 24 ? `${span.label.slice(0, 23)}…` : span.label}</text>
              <rect x={x(span.start)} y={y + 3} width={Math.max(2, x(span.end) - x(span.start))} height={ROW - 8} rx={3}
                fill={span.hatched ? 'url(#waiting-hatch)' : span.color} stroke={span.color} style={{ color: span.color }} />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
