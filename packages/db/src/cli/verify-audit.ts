import { parseArgs } from 'node:util';
import { createDatabase } from '../index';
import { verifyAuditChain } from '../audit/verify-audit-chain';

// Verifies the audit chains of every tenant, or of one (by slug or id), and names the first
// edited or deleted entry of each broken chain. Exits 1 when any chain is broken.
//   DATABASE_URL=… npm run audit:verify [-- --tenant demo]
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set; it names the PostgreSQL database of the tenants');
  process.exit(2);
}
const db = createDatabase(databaseUrl, { maxConnections: 1 });
try {
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, json: { type: 'boolean' } } });
  const isUuid = /^[0-9a-f-]{36}$/i.test(values.tenant ?? '');
  const tenants = await db.tenant.findMany({
    where: values.tenant === undefined ? {} : isUuid ? { id: values.tenant } : { slug: values.tenant },
    select: { id: true, slug: true },
    orderBy: { slug: 'asc' },
  });
  if (values.tenant !== undefined && tenants.length === 0) {
    console.error(`No tenant ${values.tenant}`);
    process.exitCode = 2;
  }
  for (const tenant of tenants) {
    const check = await verifyAuditChain(db, tenant.id);
    if (values.json) console.log(JSON.stringify({ slug: tenant.slug, ...check }));
    else if (check.chainIntact) console.log(`${tenant.slug}: intact, ${check.entriesVerified} entries`);
    else {
      const [broken] = check.brokenLinks;
      console.log(`${tenant.slug}: BROKEN at entry ${broken!.seq} (${broken!.kind}${broken!.entryId ? `, entry ${broken!.entryId}` : ''}) after ${check.entriesVerified} intact entries`);
    }
    if (!check.chainIntact) process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
