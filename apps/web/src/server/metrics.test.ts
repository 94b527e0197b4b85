import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getEventDefinition } from '@cascade/catalog';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTenantWithKey } from '@/test/api';
import { createRequestListener } from './http/fast-path';
import { webMetrics } from './metrics';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(createRequestListener(async (_request, response) => void response.writeHead(404).end()));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ingested = async (outcome: string) =>
  (await webMetrics().eventsIngested.get()).values.find((value) => value.labels.outcome === outcome)?.value ?? 0;

it('counts the events POST /api/v1/events accepted, took as duplicates and refused, with no tenant or event id in the labels', async () => {
  const { tenantId, apiKey } = await createTenantWithKey(['events:publish']);
  const before = { accepted: await ingested('accepted'), duplicate: await ingested('duplicate'), rejected: await ingested('rejected') };
  const example = getEventDefinition('INVOICE_OVERDUE')!.example as Record<string, unknown>;
  const event = { id: randomUUID(), type: 'INVOICE_OVERDUE', source: 'billing', data: { ...example, tenantId } };
  const refused = { ...event, id: randomUUID(), data: { ...example, tenantId, amountDue: 'a lot' } };
  const post = (body: unknown) =>
    fetch(`http://127.0.0.1:${port}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  expect((await post([event, event, refused])).status).toBe(202);
  expect((await post(event)).status).toBe(202);

  expect(await ingested('accepted')).toBe(before.accepted + 1);
  expect(await ingested('duplicate')).toBe(before.duplicate + 2);
  expect(await ingested('rejected')).toBe(before.rejected + 1);
  const exposition = await webMetrics().registry.metrics();
  expect(exposition).toMatch(/^cascade_events_ingested_total\{outcome="accepted",app="cascade-web"\} \d+$/m);
  expect(exposition).not.toContain(tenantId);
  expect(exposition).not.toContain(event.id);
});
