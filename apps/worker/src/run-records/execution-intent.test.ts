import { randomUUID } from 'node:crypto';
import { createDatabase, type Database } from '@cascade/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { recordIntent, releaseIntent } from './execution-intent';
import { writeRecords } from './write-records';

let db: Database;
let tenantId: string;

beforeAll(async () => {
  db = createDatabase(inject('databaseUrl'));
  tenantId = (await db.tenant.create({ data: { slug: `intent-${randomUUID()}`, name: 'Intents' } })).id;
});
afterAll(async () => {
  await db?.$disconnect();
});

describe('execution intents', () => {
  const intentFor = () => ({ idempotencyKey: `${randomUUID()}:call`, tenantId, actionId: 'http.request' });
  const emptyBatch = { steps: [] };

  it('is first once, uncertain while its outcome is unknown, and completed with the output its step wrote', async () => {
    const intent = intentFor();
    expect(await recordIntent(db, intent)).toEqual({ state: 'first' });
    const uncertain = await recordIntent(db, intent);
    expect(uncertain).toMatchObject({ state: 'uncertain', startedAt: expect.any(Date) as unknown });

    await writeRecords(db, emptyBatch, randomUUID(), { execution: { ...intent, output: { status: 201 } } });
    expect(await recordIntent(db, intent)).toEqual({ state: 'completed', output: { status: 201 } });
    // A late write of another attempt does not replace the output that was answered.
    await writeRecords(db, emptyBatch, randomUUID(), { execution: { ...intent, output: { status: 500 } } });
    expect(await recordIntent(db, intent)).toEqual({ state: 'completed', output: { status: 201 } });
  });

  it('forgets an intent whose attempt failed with an answer, but never a completed one', async () => {
    const failed = intentFor();
    await recordIntent(db, failed);
    await releaseIntent(db, failed.idempotencyKey);
    expect(await recordIntent(db, failed)).toEqual({ state: 'first' });

    const done = intentFor();
    await writeRecords(db, emptyBatch, randomUUID(), { execution: { ...done, output: null } });
    await releaseIntent(db, done.idempotencyKey);
    expect(await recordIntent(db, done)).toEqual({ state: 'completed', output: null });
  });
});
