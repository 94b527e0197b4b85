import { createDatabase } from '@cascade/db';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { getFreePort } from '@cascade/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startNatsServer, type TestNatsServer } from '../testing/nats-server';
import { startNatsSources } from './index';

const PASSWORD = 'pa55-w0rd-never-logged';
const db = createDatabase(inject('databaseUrl'));
let server: TestNatsServer;

beforeAll(async () => {
  server = await startNatsServer(['--user', 'cascade', '--pass', PASSWORD]);
});

afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

function capturedLogger() {
  const lines: string[] = [];
  const logger = createLogger('nats-url-test', { level: 'trace' }, { write: (line: string) => lines.push(line) });
  return { lines, logger };
}

const dependencies = (logger: ReturnType<typeof capturedLogger>['logger']) => ({
  db,
  ingestion: createIngestion(db),
  logger,
  ingestOptions: { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 },
});

describe('the NATS URL in logs', () => {
  it('connects with the credentials of the URL and logs the server without them', async () => {
    const { lines, logger } = capturedLogger();
    const sources = await startNatsSources(`nats://cascade:${PASSWORD}@${server.address}`, [], dependencies(logger));
    await sources.stop();

    expect(lines.join('')).toContain(`"servers":["nats://${server.address}"]`);
    expect(lines.join('')).not.toContain(PASSWORD);
  });

  it('names the server, not its credentials, when it cannot be reached', async () => {
    const { lines, logger } = capturedLogger();
    const unreachable = `127.0.0.1:${await getFreePort()}`;
    const failure = await startNatsSources(`nats://cascade:${PASSWORD}@${unreachable}`, [], dependencies(logger)).catch((error: Error) => error);

    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain(`cannot reach NATS at nats://${unreachable}`);
    expect((failure as Error).message).not.toContain(PASSWORD);
    expect(lines.join('')).not.toContain(PASSWORD);
  });

  it('refuses wrong credentials without echoing them', async () => {
    const { lines, logger } = capturedLogger();
    const failure = await startNatsSources(`nats://cascade:wrong-${PASSWORD}@${server.address}`, [], dependencies(logger)).catch((error: Error) => error);

    expect((failure as Error).message).toMatch(/^NATS_URL: cannot reach NATS at nats:\/\/127\.0\.0\.1:\d+: /);
    expect((failure as Error).message).not.toContain(PASSWORD);
    expect(lines.join('')).not.toContain(PASSWORD);
  });
});
