import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTERPRETER_REVISION, runInputFor, runWorkflowId, type RunInput } from '@cascade/temporal';
import { connectNativeTemporal } from '@cascade/temporal/native';
import type { WorkflowDefinition } from '@cascade/workflow';
import { bundleWorkflowCode, DefaultLogger, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { eventually, startRunHarness, testDependencies, type RunHarness } from '../../testing/run-harness';
import { startWorkerProcess } from '../../testing/spawn-worker';
import { createCascadeWorker, WORKFLOWS_PATH } from '../../worker';

// A rolling upgrade of the worker, mid-run, on the real dev server. The previous build is this
// interpreter bundled with the revision before the current one: what a build of that revision
// knows and does, since every change of behaviour since is guarded by the run's revision (the
// recorded histories in replay.test.ts prove the old commands replay unchanged). Both builds poll
// one task queue while the deploy rolls, then the previous one stops.

const PREVIOUS_REVISION = INTERPRETER_REVISION - 1;
const CONTRACT = fileURLToPath(new URL('../../../../../packages/temporal/src/interpreter-contract.ts', import.meta.url));

/** The workflow code as a build of the previous revision has it, in a file for a worker process. */
async function bundlePreviousBuild(): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'cascade-previous-build-'));
  const shim = join(directory, 'interpreter-contract.ts');
  // A module's own export wins over the one `export *` brings: everything else is the real contract.
  writeFileSync(shim, `export * from ${JSON.stringify(CONTRACT)};\nexport const INTERPRETER_REVISION = ${PREVIOUS_REVISION};\n`);
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), '@cascade/temporal/interpreter-contract$': shim } },
    }),
  });
  writeFileSync(join(directory, 'bundle.js'), code);
  return join(directory, 'bundle.js');
}

const definition = (amountDue: number): WorkflowDefinition => ({
  schemaVersion: 1,
  name: 'Upgraded mid-run',
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: `event.data.amountDue = ${amountDue}` },
    { id: 'note', type: 'action', action: 'core.log', input: { message: 'overdue' } },
    { id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT5M', correlation: { event: 'event.data.clientId', run: 'event.data.clientId' } },
    { id: 'thanks', type: 'action', action: 'core.log', input: { message: { $expr: "'paid by ' & event.data.clientId" } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'note' },
    { id: 'e2', from: 'note', to: 'paid' },
    { id: 'e3', from: 'paid', to: 'thanks', port: 'received' },
    { id: 'e4', from: 'paid', to: 'done', port: 'timeout' },
    { id: 'e5', from: 'thanks', to: 'done' },
  ],
});

let harness: RunHarness;
let temporal: Awaited<ReturnType<typeof connectNativeTemporal>>;
let previous: ChildProcess | undefined;
let current: { worker: Worker; running: Promise<void> } | undefined;

beforeAll(async () => {
  harness = await startRunHarness({ inProcessWorker: false });
  temporal = await connectNativeTemporal({ address: inject('temporalAddress'), namespace: 'default' });
}, 120_000);

afterAll(async () => {
  previous?.kill('SIGKILL');
  if (current?.worker.getState() === 'RUNNING') current.worker.shutdown();
  await current?.running;
  await temporal?.connection.close();
  await harness?.stop();
});

/** Which worker completed each of the run's workflow tasks, in order, and which refused one. */
async function workflowTasksOf(workflowId: string, eventId: string) {
  const events = (await harness.handleOf(workflowId, eventId).fetchHistory()).events ?? [];
  return {
    completedBy: events.flatMap((event) => (event.workflowTaskCompletedEventAttributes ? [event.workflowTaskCompletedEventAttributes.identity ?? ''] : [])),
    failedBy: events.flatMap((event) => (event.workflowTaskFailedEventAttributes ? [event.workflowTaskFailedEventAttributes.identity ?? ''] : [])),
  };
}

it('finishes runs the previous build started, and leaves runs of the new revision to the new build while both poll', async () => {
  const previousBundle = await bundlePreviousBuild();
  const amountDue = 99_000 + Math.floor(Math.random() * 900);
  const { workflowId, versionId } = await harness.publish(definition(amountDue));
  const waiting = (eventId: string) => eventually(async () => (await harness.db.wait.findFirst({ where: { run: { workflowId, eventId } } })) ?? undefined, 60_000);

  // The previous build runs alone (a process of its own, as a deployed build is), and its
  // dispatcher started these runs under its revision.
  previous = await startWorkerProcess({ taskQueue: harness.taskQueue, workflowBundlePath: previousBundle, identity: 'previous-build' });
  const before = [];
  for (let i = 0; i < 3; i += 1) {
    const clientId = randomUUID();
    const event = await harness.ingest('INVOICE_OVERDUE', { amountDue, clientId });
    const input: RunInput = {
      ...runInputFor({ id: randomUUID(), tenantId: harness.tenant.id, workflowId, versionId, version: 1 }, definition(amountDue), event),
      revision: PREVIOUS_REVISION,
    };
    await harness.client.workflow.start('runWorkflow', { taskQueue: harness.taskQueue, workflowId: runWorkflowId(workflowId, event.id), args: [input] });
    before.push({ event, clientId });
  }
  for (const { event } of before) await waiting(event.id);

  // The deploy rolls: the new build joins, and the new dispatcher starts runs under the new revision.
  const worker = await createCascadeWorker({
    connection: temporal.connection,
    namespace: 'default',
    taskQueue: harness.taskQueue,
    identity: 'current-build',
    dependencies: testDependencies(harness.db),
  });
  current = { worker, running: worker.run() };
  const during = [];
  for (let i = 0; i < 3; i += 1) {
    const clientId = randomUUID();
    const { event, routed } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue, clientId });
    expect(routed.runsStarted).toBe(1);
    during.push({ event, clientId });
  }
  for (const { event } of during) await waiting(event.id);

  // The previous build stops; every run, whoever started it, is finished by the new one.
  previous.kill('SIGTERM');
  await once(previous, 'exit');
  for (const { clientId } of [...before, ...during]) await harness.publishEvent('PAYMENT_RECORDED', { clientId });

  for (const { event, clientId } of [...before, ...during]) {
    await harness.resultOf(workflowId, event.id);
    const run = await harness.runOf(workflowId, event.id);
    expect(run.status).toBe('COMPLETED');
    expect(run.steps.map((step) => step.key).sort()).toEqual(['done', 'note', 'paid', 'start', 'thanks']);
    expect(run.steps.find((step) => step.key === 'thanks')?.input).toEqual({ message: `paid by ${clientId}` });
  }
  for (const { event } of before) {
    const { completedBy } = await workflowTasksOf(workflowId, event.id);
    expect(completedBy[0]).toBe('previous-build');
    expect(completedBy.at(-1)).toBe('current-build');
  }
  // A run of the new revision is never advanced by the previous build, which refuses its tasks.
  let refused = 0;
  for (const { event } of during) {
    const { completedBy, failedBy } = await workflowTasksOf(workflowId, event.id);
    expect(completedBy).not.toContain('previous-build');
    refused += failedBy.filter((identity) => identity === 'previous-build').length;
  }
  console.log(`[rolling upgrade] ${before.length} runs handed over mid-wait; the previous build refused ${refused} workflow tasks of the new revision's ${during.length} runs`);
  expect(worker.getState()).toBe('RUNNING');
}, 240_000);
