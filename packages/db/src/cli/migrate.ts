import { migrateDatabase } from '../migrate';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set; it names the PostgreSQL database to migrate');
  process.exit(2);
}
try {
  const { applied } = await migrateDatabase(databaseUrl, { log: console.log });
  console.log(applied.length ? `Applied ${applied.length} migration(s)` : 'Database is up to date');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
