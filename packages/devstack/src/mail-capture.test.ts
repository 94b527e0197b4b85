import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';
import { createSmtpMailer, type SmtpMailer } from '@cascade/actions/handlers';
import { createDatabase } from '@cascade/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMailCapture, type MailCapture } from './mail-capture';

const db = createDatabase(inject('databaseUrl'), { maxConnections: 2 });
let capture: MailCapture;
let mailer: SmtpMailer;

beforeAll(async () => {
  capture = await startMailCapture({ db });
  mailer = createSmtpMailer(capture.url, { from: 'Cascade <cascade@localhost>' });
});

afterAll(async () => {
  mailer.close();
  await capture.stop();
  await db.$disconnect();
});

describe('startMailCapture', () => {
  it('listens on a free port of 127.0.0.1 and says where', () => {
    expect(capture.url).toBe(`smtp://127.0.0.1:${capture.port}`);
    expect(capture.port).toBeGreaterThan(0);
  });

  it('stores what createSmtpMailer sends, under the tenant of its X-Cascade-Tenant header', async () => {
    const tenantId = randomUUID();
    const { messageId } = await mailer.send(
      { to: ['ap@acme.test'], cc: ['cfo@acme.test'], subject: 'Invoice INV-7 is overdue', text: 'Please pay INV-7.', html: '<p>Please pay <b>INV-7</b>.</p>' },
      { tenantId },
    );
    const rows = await db.capturedEmail.findMany({ where: { tenantId } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      tenantId,
      from: '"Cascade" <cascade@localhost>',
      to: ['ap@acme.test', 'cfo@acme.test'],
      subject: 'Invoice INV-7 is overdue',
      html: '<p>Please pay <b>INV-7</b>.</p>',
    });
    expect(row!.text?.trim()).toBe('Please pay INV-7.');
    expect(row!.headers).toMatchObject({ 'x-cascade-tenant': tenantId, 'message-id': messageId, subject: 'Invoice INV-7 is overdue' });
    expect(Date.now() - row!.receivedAt.getTime()).toBeLessThan(60_000);
  });

  it('keeps mail whose tenant header is not a tenant id, with no tenant', async () => {
    const subject = `No tenant ${randomUUID()}`;
    await mailer.send({ to: ['ops@acme.test'], subject, text: 'x' }, { tenantId: 'not-a-uuid' });
    const row = await db.capturedEmail.findFirst({ where: { subject } });
    expect(row).toMatchObject({ tenantId: null, headers: expect.objectContaining({ 'x-cascade-tenant': 'not-a-uuid' }) as unknown });
  });

  it('stops listening when stopped', async () => {
    const other = await startMailCapture({ db });
    await other.stop();
    const refused = await new Promise<string>((resolve) => {
      const socket = createConnection(other.port, '127.0.0.1');
      socket.on('connect', () => (socket.destroy(), resolve('connected')));
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
