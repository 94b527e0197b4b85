import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * Copies the freshly migrated test database into a template nobody connects to, so tests that
 * need a database of their own (e.g. ones that drain whole tables) get one in milliseconds.
 */
export async function createTemplate(migratedUrl: string): Promise<string> {
  const name = `cascade_template_${process.pid}`;
  await withAdmin(migratedUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(migratedUrl).pathname.slice(1)}`));
  return name;
}

/** A new, migrated, empty database for one test file; returns its URL. */
export async function createIsolatedDatabase(): Promise<string> {
  const sharedUrl = inject('databaseUrl');
  const name = `cascade_isolated_${randomUUID().replaceAll('-', '')}`;
  await withAdmin(sharedUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
