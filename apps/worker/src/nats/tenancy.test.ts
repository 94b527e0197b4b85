import { randomUUID } from 'node:crypto';
import { createDatabase } from '@cascade/db';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectDeadLetters, drained, startNatsServer, type TestNatsServer } from '../testing/nats-server';
import { consumeNatsSource } from './consume';
import type { NatsSource } from './sources';

const db = createDatabase(inject('databaseUrl'));
const logger = createLogger('nats-tenancy-test', { level: 'silent' });
let server: TestNatsServer;
let nc: NatsConnection;
const acme = { slug: `acme-${randomUUID().slice(0, 8)}`, id: '' };
const globex = { slug: `globex-${randomUUID().slice(0, 8)}`, id: '' };

beforeAll(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.address });
  acme.id = (await db.tenant.create({ data: { slug: acme.slug, name: 'Acme' } })).id;
  globex.id = (await db.tenant.create({ data: { slug: globex.slug, name: 'Globex' } })).id;
});

afterAll(async () => {
  await nc?.close();
  await server?.stop();
  await db.$disconnect();
});

const options = () => ({
  nc,
  db,
  ingestion: createIngestion(db),
  logger,
  ingestOptions: { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 },
});

const completed = (dataTenant: string, envelope: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'work_order.completed',
  source: 'qms',
  ...envelope,
  data: {
    tenantId: dataTenant,
    workOrderId: 'wo-1',
    masterId: null,
    completedAt: '2026-03-10T09:24:00Z',
    actualDurationHours: 2.4,
    estimatedDurationHours: 2,
    variancePercent: 20,
  },
});

const userCreated = (envelopeTenant: string) => ({
  id: randomUUID(),
  type: 'auth.user.created',
  source: 'iam',
  tenantId: envelopeTenant,
  data: { userId: '01j9pa5mz700000000000000', email: 'ana.lopez@acme.example', tenantId: acme.slug, roles: ['member'] },
});

const storedIds = async (tenantId: string) =>
  (await db.event.findMany({ where: { tenantId }, select: { id: true } })).map((event) => event.id).sort();

describe('a NATS source bound to its tenants by configuration', () => {
  it('dead-letters a message whose subject token or envelope or payload names a tenant the source is not bound to', async () => {
    const source: NatsSource = { stream: 'WO_TENANCY', subjects: ['wo.>'], durable: 'cascade-test', tenant: { subjectToken: 1, allowed: [acme.slug] }, createStream: true };
    const deadLetters = collectDeadLetters(nc);
    const consumer = await consumeNatsSource(source, options());
    const js = jetstream(nc);
    const acmeSubject = `wo.${acme.slug}.work_order.completed`;
    const globexSubject = `wo.${globex.slug}.work_order.completed`;

    const good = completed(acme.slug, { tenantId: acme.slug }); // 002 names the tenant by the key its subject uses
    await js.publish(acmeSubject, JSON.stringify(good));
    await js.publish(acmeSubject, JSON.stringify(completed(acme.slug, { tenantId: globex.slug })));
    await js.publish(acmeSubject, JSON.stringify(completed(acme.slug, { tenantId: globex.id })));
    await js.publish(acmeSubject, JSON.stringify(completed(globex.slug)));
    await js.publish(globexSubject, JSON.stringify(completed(globex.slug, { tenantId: globex.slug })));
    await drained(nc, source);
    await consumer.stop();
    await nc.flush();
    deadLetters.stop();

    expect(await storedIds(acme.id)).toEqual([good.id]);
    expect(await storedIds(globex.id)).toEqual([]);
    expect(deadLetters.letters.map((letter) => letter.subject).sort()).toEqual([
      `cascade.dlq.${acmeSubject}`,
      `cascade.dlq.${acmeSubject}`,
      `cascade.dlq.${acmeSubject}`,
      `cascade.dlq.${globexSubject}`,
    ]);
    const reasons = deadLetters.letters.map((letter) => letter.reason);
    expect(reasons).toContain(`403 The message names another tenant than stream WO_TENANCY is bound to: /tenantId names tenant "${globex.slug}", not "${acme.slug}" the source is bound to`);
    expect(reasons).toContain(`403 The message names another tenant than stream WO_TENANCY is bound to: /tenantId names tenant "${globex.id}", not "${acme.slug}" the source is bound to`);
    expect(reasons).toContain(`403 The message names another tenant than stream WO_TENANCY is bound to: /data/tenantId names tenant "${globex.slug}", not "${acme.slug}" the source is bound to`);
    expect(reasons).toContain(`403 Subject token 1 of ${globexSubject} is "${globex.slug}", not one of the tenants stream WO_TENANCY is bound to (${acme.slug})`);
  });

  it('stores every message of a fixed-tenant source for that tenant, and dead-letters one whose envelope names another', async () => {
    const source: NatsSource = { stream: 'PLATFORM_TENANCY', subjects: ['platform.*.events'], durable: 'cascade-test', tenant: { slug: acme.slug }, createStream: true };
    const before = { acme: await storedIds(acme.id), globex: await storedIds(globex.id) };
    const deadLetters = collectDeadLetters(nc);
    const consumer = await consumeNatsSource(source, options());
    const js = jetstream(nc);

    const byId = userCreated(acme.id);
    await js.publish('platform.auth.events', JSON.stringify(byId));
    await js.publish('platform.auth.events', JSON.stringify(userCreated(globex.id)));
    await drained(nc, source);
    await consumer.stop();
    await nc.flush();
    deadLetters.stop();

    expect(await storedIds(acme.id)).toEqual([...before.acme, byId.id].sort());
    expect(await storedIds(globex.id)).toEqual(before.globex);
    expect(deadLetters.letters).toEqual([
      {
        subject: 'cascade.dlq.platform.auth.events',
        reason: `403 The message names another tenant than stream PLATFORM_TENANCY is bound to: /tenantId names tenant "${globex.id}", not "${acme.slug}" the source is bound to`,
      },
    ]);
  });
});
