import { startThrowawayCascade } from '@cascade/devstack';

/**
 * Starts the whole of Cascade (embedded PostgreSQL, Temporal dev server, worker, built web app)
 * in a throw-away directory on free ports, seeded with a known admin password and API key.
 */
export default async function globalSetup() {
  const cascade = await startThrowawayCascade({ name: 'e2e', log: (line) => console.log(`[e2e] ${line}`) });
  // Workers start after global setup and inherit these.
  process.env.CASCADE_E2E_URL = cascade.webUrl;
  process.env.CASCADE_E2E_DATABASE_URL = cascade.infrastructure.databaseUrl;
  process.env.CASCADE_E2E_ADMIN_EMAIL = cascade.seed.adminEmail;
  process.env.CASCADE_E2E_ADMIN_PASSWORD = cascade.adminPassword;
  process.env.CASCADE_E2E_API_KEY = cascade.apiKey;
  return () => cascade.stop();
}
