import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDatabase } from '../index';
import { mintOperatorApiKey } from '../operator-keys';

// The platform operator's way to mint keys, notably of services owning a restricted namespace:
//   DATABASE_URL=… npm run api-key:create -- --tenant demo --name "Money service" --service money \
//     --scope events:publish --namespace money.
// and keys of the operator, which may register global templates:
//   DATABASE_URL=… npm run api-key:create -- --tenant demo --name "Template publisher" --scope templates:write --operator
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set; it names the PostgreSQL database of the tenant');
  process.exit(2);
}
const db = createDatabase(databaseUrl, { maxConnections: 1 });
try {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      name: { type: 'string' },
      service: { type: 'string' },
      scope: { type: 'string', multiple: true },
      namespace: { type: 'string', multiple: true },
      operator: { type: 'boolean' },
    },
  });
  const minted = await mintOperatorApiKey(db, {
    tenant: values.tenant ?? '',
    name: values.name ?? '',
    service: values.service,
    scopes: (values.scope ?? []) as never,
    publishNamespaces: values.namespace ?? [],
    platformOperator: values.operator ?? false,
  });
  console.log(`API key ${minted.id} (shown once): ${minted.key}`);
} catch (error) {
  console.error(error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
