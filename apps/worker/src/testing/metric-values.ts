import type { Registry } from 'prom-client';

/**
 * The sum of a metric's samples whose labels include `labels`: a counter's or gauge's value, or
 * with `sample: 'count'` how many observations a histogram holds. Tests compare it before and after a flow.
 */
export async function metricValue(registry: Registry, name: string, labels: Record<string, string> = {}, sample?: 'count' | 'sum'): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name} in the registry`);
  const { values } = await metric.get();
  const wanted = sample ? `${name}_${sample}` : undefined;
  return values
    // A histogram's samples name their series (_bucket, _sum, _count); prom-client's types leave it out.
    .filter((value) => (!wanted || (value as { metricName?: string }).metricName === wanted) && Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected))
    .reduce((sum, value) => sum + value.value, 0);
}
