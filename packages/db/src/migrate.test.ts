import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateDatabase, readMigrations } from './migrate';

/** A scratch database per test, on the server the suite runs against. */
async function scratchDatabase(admin: pg.Client): Promise<string> {
  const name = `migrate_${randomUUID().replaceAll('-', '')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migrateDatabase', () => {
  const admin = new pg.Client({ connectionString: inject('databaseUrl') });
  beforeAll(() => admin.connect());
  afterAll(() => admin.end());

  it('applies pending migrations in order and records them as prisma migrate deploy does', async () => {
    const url = await scratchDatabase(admin);
    const dir = await migrationsDir({
      '20260101000000_first': 'CREATE TABLE a (id int);',
      '20260102000000_second': 'ALTER TABLE a ADD COLUMN b text;',
    });
    expect(await migrateDatabase(url, { dir })).toEqual({ applied: ['20260101000000_first', '20260102000000_second'] });
    expect(await migrateDatabase(url, { dir })).toEqual({ applied: [] });

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date }>(
      url,
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    const expected = await readMigrations(dir);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      expected.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it('rolls back a failing migration whole and names it', async () => {
    const url = await scratchDatabase(admin);
    const dir = await migrationsDir({ '20260101000000_broken': 'CREATE TABLE ok (id int); SELECT * FROM missing_table;' });
    await expect(migrateDatabase(url, { dir })).rejects.toThrow(/Migration 20260101000000_broken failed: .*missing_table/);
    expect(await query(url, "SELECT 1 FROM pg_tables WHERE tablename = 'ok'")).toEqual([]);
  });

  it('refuses to continue when an applied migration was edited afterwards', async () => {
    const url = await scratchDatabase(admin);
    const dir = await migrationsDir({ '20260101000000_first': 'CREATE TABLE a (id int);' });
    await migrateDatabase(url, { dir });
    await writeFile(path.join(dir, '20260101000000_first', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    await expect(migrateDatabase(url, { dir })).rejects.toThrow('Migration 20260101000000_first was edited after it was applied');
  });
});
