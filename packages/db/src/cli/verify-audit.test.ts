import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { appendAuditEntry } from '../audit/audit-chain';
import { createDatabase } from '../index';

const db = createDatabase(inject('databaseUrl'));
afterAll(() => db.$disconnect());

const script = fileURLToPath(new URL('./verify-audit.ts', import.meta.url));

/** `npm run audit:verify -- --tenant <slug>`, as an operator runs it. */
async function verify(slug: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, '--tenant', slug], { env: { ...process.env, DATABASE_URL: inject('databaseUrl') } });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('npm run audit:verify', () => {
  it('says an untouched chain is intact, and names the first deleted entry of a broken one with exit code 1', async () => {
    const tenant = await db.tenant.create({ data: { slug: `cli-${randomUUID()}`, name: 'CLI' } });
    const entries = [];
    for (let index = 0; index < 3; index += 1) {
      entries.push(await appendAuditEntry(db, { tenantId: tenant.id, actor: { type: 'system', id: null }, action: 'test', target: null, summary: { index } }));
    }
    expect(await verify(tenant.slug)).toEqual({ code: 0, stdout: `${tenant.slug}: intact, 3 entries\n` });

    await db.auditEntry.delete({ where: { id: entries[1]!.id } });
    expect(await verify(tenant.slug)).toEqual({ code: 1, stdout: `${tenant.slug}: BROKEN at entry 2 (deleted, entry ${entries[2]!.id}) after 1 intact entries\n` });
    expect((await verify('no-such-tenant')).code).toBe(2);
  }, 120_000); // three process starts through tsx, on a busy machine
});
