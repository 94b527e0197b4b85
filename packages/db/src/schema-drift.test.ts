import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actualSchemaFacts, diffSchemas, expectedSchemaFacts } from './schema-drift';

const schemaText = readFileSync(fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url)), 'utf8');

describe('migrated database vs schema.prisma', () => {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('match in tables, columns, types, nullability, defaults, indexes and foreign keys', async () => {
    const drift = diffSchemas(expectedSchemaFacts(schemaText), await actualSchemaFacts(client));
    expect(drift).toEqual({ missingInDatabase: [], notInSchema: [] });
  });

  it('reads the facts it compares from the real catalog', async () => {
    const facts = await actualSchemaFacts(client);
    expect(facts).toContain('column api_keys.scopes text[] NULL default -');
    expect(facts).toContain("column users.role \"UserRole\" NOT NULL default 'VIEWER'::\"UserRole\"");
    expect(facts).toContain('index roundtrips_tenant_id_requested_at_idx on roundtrips (tenant_id, requested_at DESC)');
    expect(facts).toContain(
      'foreign key users_tenant_id_fkey users(tenant_id) -> tenants(id) on delete Cascade on update Cascade',
    );
  });

  it('reports a column the database has but the schema does not', async () => {
    await client.query('BEGIN');
    try {
      await client.query('ALTER TABLE tenants ADD COLUMN plan text');
      await client.query('CREATE INDEX tenants_name_idx ON tenants (name)');
      const drift = diffSchemas(expectedSchemaFacts(schemaText), await actualSchemaFacts(client));
      expect(drift.notInSchema).toEqual([
        'column tenants.plan text NULL default -',
        'index tenants_name_idx on tenants (name)',
      ]);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it.each([
    ['nullability', 'name       String', 'name       String?', 'column tenants.name text NULL default -'],
    ['type', 'message     String', 'message     Int', 'column roundtrips.message integer NOT NULL default -'],
    ['default', 'role         UserRole @default(VIEWER)', 'role UserRole @default(ADMIN)', "column users.role \"UserRole\" NOT NULL default 'ADMIN'::\"UserRole\""],
    ['index', '@@index([tenantId])', '@@index([tenantId, name])', 'index api_keys_tenant_id_name_idx on api_keys (tenant_id, name)'],
    ['foreign key action', 'references: [id], onDelete: Cascade)\n\n  @@unique', 'references: [id], onDelete: Restrict)\n\n  @@unique', 'foreign key users_tenant_id_fkey users(tenant_id) -> tenants(id) on delete Restrict on update Cascade'],
  ])('reports a schema.prisma change of %s that no migration follows', async (_what, from, to, fact) => {
    expect(schemaText).toContain(from);
    const drift = diffSchemas(expectedSchemaFacts(schemaText.replace(from, to)), await actualSchemaFacts(client));
    expect(drift.missingInDatabase).toContain(fact);
  });
});
