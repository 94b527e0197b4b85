import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionFailure } from '../define-action';
import { createSmtpMailer, type SmtpMailer } from './smtp-mailer';

const received: Array<{ recipients: string[]; mail: ParsedMail }> = [];
let server: SMTPServer;
let mailer: SmtpMailer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address.endsWith('@blocked.test') ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mailer = createSmtpMailer(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, { from: 'Cascade <cascade@localhost>' });
});

afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createSmtpMailer', () => {
  it('delivers over SMTP with the default sender and the tenant in X-Cascade-Tenant', async () => {
    const { messageId } = await mailer.send(
      { to: ['ap@acme.test'], cc: ['cfo@acme.test'], subject: 'Invoice overdue', text: 'Please pay.', html: '<p>Please <b>pay</b>.</p>' },
      { tenantId: '6f1c1a52-8a37-4a55-9d6c-3c4f0c1f2a10' },
    );
    const { recipients, mail } = received.at(-1)!;
    expect(mail.messageId).toBe(messageId);
    expect(recipients).toEqual(['ap@acme.test', 'cfo@acme.test']);
    expect(mail.from?.value).toEqual([{ name: 'Cascade', address: 'cascade@localhost' }]);
    expect(mail.subject).toBe('Invoice overdue');
    expect(mail.text?.trim()).toBe('Please pay.');
    expect(mail.html).toBe('<p>Please <b>pay</b>.</p>');
    expect(mail.headers.get('x-cascade-tenant')).toBe('6f1c1a52-8a37-4a55-9d6c-3c4f0c1f2a10');
  });

  it('keeps a message from claiming another tenant through its own headers', async () => {
    await mailer.send(
      { from: 'billing@acme.test', to: ['ap@acme.test'], subject: 'x', text: 'x', headers: { 'x-cascade-tenant': 'someone-else', 'X-Invoice': 'INV-7' } },
      { tenantId: 'tenant-a' },
    );
    const { mail } = received.at(-1)!;
    expect(mail.headers.get('x-cascade-tenant')).toBe('tenant-a');
    expect(mail.headers.get('x-invoice')).toBe('INV-7');
    expect(mail.from?.text).toBe('billing@acme.test');
  });

  it('fails permanently when the server refuses the recipient, naming the server', async () => {
    const error = await mailer.send({ to: ['x@blocked.test'], subject: 'x', text: 'x' }, { tenantId: 't' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect((error as ActionFailure).message).toMatch(/^Sending mail via 127\.0\.0\.1:\d+ failed: .*mailbox unavailable/);
    expect((error as ActionFailure).retryable).toBe(false);
  });
});
