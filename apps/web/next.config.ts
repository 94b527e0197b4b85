import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ['@cascade/actions', '@cascade/catalog', '@cascade/db', '@cascade/env', '@cascade/ingestion', '@cascade/logger', '@cascade/secrets', '@cascade/telemetry', '@cascade/temporal', '@cascade/workflow'],
  // Native or Node-only server dependencies stay outside the bundle.
  serverExternalPackages: ['@temporalio/client', '@prisma/client', '@prisma/adapter-pg', 'pg', 'pino', 'prom-client', '@opentelemetry/api'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
