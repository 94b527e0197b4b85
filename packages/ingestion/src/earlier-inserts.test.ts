import { createDatabase, sql, type Database } from '@cascade/db';
import { createIsolatedDatabase } from '@cascade/devstack/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INSERT_EVENTS_MARK, waitForEarlierEventInserts } from './earlier-inserts';

// Two pools: the marked statement runs on one session while the other waits for it.
let db: Database;
let other: Database;
beforeAll(async () => {
  const url = await createIsolatedDatabase();
  [db, other] = [createDatabase(url), createDatabase(url)];
});
afterAll(() => Promise.all([db.$disconnect(), other.$disconnect()]));

/** A statement that stands for an event insert in flight: marked as one, and slow. */
const markedSleep = (seconds: number) => sql(other, `${INSERT_EVENTS_MARK} SELECT pg_sleep($1)`, [seconds]);

it('waits for an event insert that started before it, and only until that insert ends', async () => {
  const order: string[] = [];
  const insert = markedSleep(0.6).then(() => order.push('insert ended'));
  await new Promise((resolve) => setTimeout(resolve, 100)); // the statement is running
  const waited = await waitForEarlierEventInserts(db);
  order.push('wait returned');
  await insert;
  expect(waited).toBe(true);
  expect(order).toEqual(['insert ended', 'wait returned']);
});

it('answers false when an earlier insert outlasts the timeout, and does not wait for unmarked statements', async () => {
  const insert = markedSleep(1.5);
  let unmarkedEnded = false;
  const unmarked = sql(other, 'SELECT pg_sleep(4)', []).then(() => (unmarkedEnded = true));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await waitForEarlierEventInserts(db, { timeoutMs: 200 })).toBe(false);
  await insert;
  expect(await waitForEarlierEventInserts(db)).toBe(true);
  expect(unmarkedEnded).toBe(false);
  await unmarked;
});
