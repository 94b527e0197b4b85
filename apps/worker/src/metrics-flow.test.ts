import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { workerMetrics } from './metrics';
import { metricValue } from './testing/metric-values';
import { startRunHarness, type RunHarness } from './testing/run-harness';

let harness: RunHarness;
let server: Server;
let port: number;

beforeAll(async () => {
  harness = await startRunHarness();
  server = createServer((request, response) => {
    request.resume();
    response.setHeader('content-type', 'application/json');
    response.end('{"ok":true}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.close();
  await harness?.stop();
});

let amount = 91_000;

/** Publishes a one-action workflow and runs it for a fresh event, as the dispatcher routes it. */
async function runOneAction(input: unknown) {
  amount += 1;
  const definition: WorkflowDefinition = {
    schemaVersion: 1,
    name: `Metrics ${amount}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: `event.data.amountDue = ${amount}` },
      { id: 'call', type: 'action', action: 'http.request', input, retry: { maxAttempts: 1, initialInterval: 'PT0.1S', backoff: 1, maxInterval: 'PT0.1S' } } as WorkflowNode,
      { id: 'done', type: 'end' },
    ],
    edges: [{ id: 'e0', from: 'start', to: 'call' }, { id: 'e1', from: 'call', to: 'done' }],
  };
  const { workflowId } = await harness.publish(definition);
  const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: amount });
  const outcome = await harness.resultOf(workflowId, event.id).then(() => 'completed', () => 'failed');
  return { workflowId, outcome };
}

const value = (name: string, labels: Record<string, string> = {}, sample?: 'count') => metricValue(workerMetrics, name, labels, sample);

it('counts ingested events, runs started and finished by workflow, and step durations by action and outcome', async () => {
  const acceptedBefore = await value('cascade_events_ingested_total', { outcome: 'accepted' });
  const stepsBefore = {
    completed: await value('cascade_step_duration_seconds', { action: 'http.request', outcome: 'completed' }, 'count'),
    failed: await value('cascade_step_duration_seconds', { action: 'http.request', outcome: 'failed' }, 'count'),
  };

  const good = await runOneAction({ url: `http://127.0.0.1:${port}/ok` });
  // An input the action refuses: the step fails without retrying, and so does the run.
  const bad = await runOneAction({ url: 'not a url' });
  expect([good.outcome, bad.outcome]).toEqual(['completed', 'failed']);

  expect(await value('cascade_events_ingested_total', { outcome: 'accepted' })).toBe(acceptedBefore + 2);
  expect(await value('cascade_runs_started_total', { workflow: good.workflowId })).toBe(1);
  expect(await value('cascade_runs_started_total', { workflow: bad.workflowId })).toBe(1);
  expect(await value('cascade_runs_finished_total', { workflow: good.workflowId, outcome: 'completed' })).toBe(1);
  expect(await value('cascade_runs_finished_total', { workflow: good.workflowId, outcome: 'failed' })).toBe(0);
  expect(await value('cascade_runs_finished_total', { workflow: bad.workflowId, outcome: 'failed' })).toBe(1);
  expect(await value('cascade_step_duration_seconds', { action: 'http.request', outcome: 'completed' }, 'count')).toBe(stepsBefore.completed + 1);
  expect(await value('cascade_step_duration_seconds', { action: 'http.request', outcome: 'failed' }, 'count')).toBeGreaterThan(stepsBefore.failed);

  // Labels stay bounded: no tenant, event or run id ever becomes a series.
  const exposition = await workerMetrics.metrics();
  expect(exposition).not.toContain(harness.tenant.id);
});
