import { readFileSync } from 'node:fs';
import type { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { webMetrics } from './metrics';

/**
 * ops/grafana/cascade-dashboard.json queries the metrics the web app and the worker register: a
 * metric renamed or dropped in code, or misspelt in the dashboard, fails here rather than as an
 * empty panel in production. The worker's registry is imported by a specifier TypeScript does not
 * follow (see test/worker-stack.ts for why).
 */
const WORKER_METRICS = '@cascade/worker/metrics';
const DASHBOARD_PATH = new URL('../../../../ops/grafana/cascade-dashboard.json', import.meta.url);

const dashboardSchema = z.object({
  panels: z.array(z.object({ title: z.string(), targets: z.array(z.object({ expr: z.string().min(1) })).min(1) })).min(1),
});

/** PromQL words that look like metric names but are not. */
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless', 'inf', 'nan']);

/**
 * The metric names a PromQL expression selects: identifiers not called as functions, once label
 * matchers (whose values may look like names), range selectors and grouping label lists are removed.
 */
function metricNamesIn(expression: string): string[] {
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/gi, ' ');
  const names = [...bare.matchAll(/(?<![\w.$])[A-Za-z_:][\w:]*\b(?!\s*\()/g)].map((match) => match[0]);
  return [...new Set(names.filter((name) => !KEYWORDS.has(name.toLowerCase())))];
}

/** Every series name a registry exposes: a histogram as its _bucket, _sum and _count series. */
async function exposedNames(registry: Registry): Promise<Set<string>> {
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (['histogram', 'summary'].includes(String(metric.type))) for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
  }
  return names;
}

const readDashboard = () => dashboardSchema.parse(JSON.parse(readFileSync(DASHBOARD_PATH, 'utf8')));
const queriedNames = (dashboard: z.infer<typeof dashboardSchema>) =>
  dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => metricNamesIn(target.expr).map((name) => ({ name, panel: panel.title }))));

async function registeredNames(): Promise<Set<string>> {
  const { workerMetrics } = (await import(/* @vite-ignore */ WORKER_METRICS)) as { workerMetrics: Registry };
  return new Set([...(await exposedNames(webMetrics().registry)), ...(await exposedNames(workerMetrics))]);
}

describe('the Grafana dashboard', () => {
  it('reads metric names out of PromQL, and not functions, grouping labels, label values or durations', () => {
    const expression = 'histogram_quantile(0.95, sum by (le, route) (rate(cascade_x_bucket{route="/api/v1/events", job=~"decoy_total"}[$__rate_interval]))) / ignoring(app) clamp_min(up, 1e-9) offset 5m';
    expect(metricNamesIn(expression)).toEqual(['cascade_x_bucket', 'up']);
  });

  it('queries only metrics the web app or the worker registers', async () => {
    const registered = await registeredNames();
    const queried = queriedNames(readDashboard());
    expect(queried.length).toBeGreaterThan(10);
    expect(queried.filter(({ name }) => !registered.has(name))).toEqual([]);
  });

  it('shows every Cascade metric on some panel, so a new one is not left unseen', async () => {
    const queried = new Set(queriedNames(readDashboard()).map(({ name }) => name.replace(/_(bucket|sum|count)$/, '')));
    const cascadeMetrics = [...(await registeredNames())].filter((name) => name.startsWith('cascade_') && !/_(bucket|sum|count)$/.test(name));
    expect(cascadeMetrics.filter((name) => !queried.has(name))).toEqual([]);
  });

  it('catches a misspelt metric in a query', async () => {
    const registered = await registeredNames();
    const misspelt = { panels: [{ title: 'Runs', targets: [{ expr: 'sum(rate(cascade_runs_startd_total[5m]))' }] }] };
    expect(queriedNames(misspelt).filter(({ name }) => !registered.has(name))).toEqual([{ name: 'cascade_runs_startd_total', panel: 'Runs' }]);
  });
});
