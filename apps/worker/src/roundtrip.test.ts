import { randomUUID } from 'node:crypto';
import { createDatabase } from '@cascade/db';
import { type RoundtripInput, WORKFLOW_NAMES, roundtripWorkflowId } from '@cascade/temporal';
import { connectNativeTemporal, type NativeTemporal } from '@cascade/temporal/native';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { testDependencies } from './testing/run-harness';
import { createCascadeWorker } from './worker';

const db = createDatabase(inject('databaseUrl'));
let temporal: NativeTemporal;

beforeAll(async () => {
  temporal = await connectNativeTemporal({ address: inject('temporalAddress'), namespace: 'default' });
});
afterAll(async () => {
  await temporal.connection.close();
  await db.$disconnect();
});

it('completes a roundtrip: the workflow runs on the real dev server and its activity writes PostgreSQL', async () => {
  const taskQueue = `test-${randomUUID()}`;
  const tenant = await db.tenant.create({ data: { slug: `t-${randomUUID()}`, name: 'Roundtrip tenant' } });
  const roundtrip = await db.roundtrip.create({
    data: { id: randomUUID(), tenantId: tenant.id, message: 'hello', workflowId: 'pending' },
  });
  const worker = await createCascadeWorker({ connection: temporal.connection, namespace: 'default', dependencies: testDependencies(db), taskQueue });
  const { client } = temporal;

  await worker.runUntil(async () => {
    const input: RoundtripInput = { roundtripId: roundtrip.id, tenantId: tenant.id };
    await client.workflow.execute(WORKFLOW_NAMES.roundtrip, {
      taskQueue,
      workflowId: roundtripWorkflowId(roundtrip.id),
      args: [input],
    });
  });

  const stored = await db.roundtrip.findUniqueOrThrow({ where: { id: roundtrip.id } });
  expect(stored.completedAt).toBeInstanceOf(Date);
  expect(stored.completedAt!.getTime()).toBeGreaterThanOrEqual(stored.requestedAt.getTime());
});
