import { defineConfig } from 'prisma/config';

// The CLI is used here only for `generate`, which works offline; migrations are applied by
// `npm run db:migrate` (packages/db/src/migrate.ts), recorded the way `prisma migrate deploy` records them.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/cascade' },
});
