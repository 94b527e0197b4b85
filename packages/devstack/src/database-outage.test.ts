import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkDatabase, createDatabase, isDatabaseUnavailable, sql, type Database } from '@cascade/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getFreePort } from './ports';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './postgres';

// A PostgreSQL of its own, stopped and started again under a live Database.
let dir: string;
let postgres: EmbeddedPostgresHandle;
let db: Database;
const start = async (port: number) => startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cascade-pg-outage-'));
  postgres = await start(await getFreePort());
  db = createDatabase(postgres.url);
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What a query throws, or undefined. */
const failureOf = (query: () => Promise<unknown>) => query().then(() => undefined, (error: unknown) => error);

it('tells an unreachable database from a bad query, through Prisma and pg, and the same Database works once it is back', async () => {
  expect(isDatabaseUnavailable(await failureOf(() => db.$queryRaw`SELEC 1`))).toBe(false);
  expect(isDatabaseUnavailable(await failureOf(() => sql(db, 'SELECT * FROM missing_table', [])))).toBe(false);

  const port = Number(new URL(postgres.url).port);
  await postgres.stop();
  const failures = await Promise.all([
    failureOf(() => db.$queryRaw`SELECT 1`),
    failureOf(() => sql(db, 'SELECT 1', [])),
    failureOf(() => db.tenant.findMany()),
    failureOf(() => db.$transaction([db.tenant.count()])),
  ]);
  expect(failures.map((failure) => failure !== undefined && isDatabaseUnavailable(failure))).toEqual([true, true, true, true]);
  expect(await checkDatabase(db)).toMatchObject({ ok: false });

  postgres = await start(port);
  expect(await checkDatabase(db)).toEqual({ ok: true });
  expect(await sql<{ one: number }>(db, 'SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
}, 120_000);
