'use client';

import { useSyncExternalStore } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime } from '@/components/format-date-time';
import type { Series } from '@/server/overview';

const subscribe = () => () => undefined;

/**
 * Cascade's one date format in the viewer's zone: whole in the tooltip, its 24-hour `14:03` on the
 * axis. The server has no zone, so the chart draws after hydration.
 */
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const when = (at: string) => formatDateTime(at, { timeZone: viewerZone });
const tick = (at: string) => when(at).slice(11, 16);

/** Events received as bars, runs started, completed and failed as lines, one point per bucket. */
export function ActivityChart({ series, label, testId }: { series: Series; label: string; testId: string }) {
  const mounted = useSyncExternalStore(subscribe, () => true, () => false);
  return (
    <figure className="overview-chart" data-testid={testId} aria-label={label}>
      <figcaption>{label}</figcaption>
      <div style={{ height: 220 }}>
        {mounted && (
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={series.buckets} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke="#e5e7eb" vertical={false} />
              <XAxis dataKey="at" tickFormatter={tick} minTickGap={24} fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
              <Tooltip labelFormatter={(at) => when(String(at))} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="events" name="Events received" fill="#93c5fd" isAnimationActive={false} />
              <Line dataKey="started" name="Runs started" stroke="#2563eb" dot={false} isAnimationActive={false} />
              <Line dataKey="completed" name="Completed" stroke="#16a34a" dot={false} isAnimationActive={false} />
              <Line dataKey="failed" name="Failed" stroke="#dc2626" dot={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
