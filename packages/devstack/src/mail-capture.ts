import type { AddressInfo } from 'node:net';
import type { Database } from '@cascade/db';
import { simpleParser, type HeaderLines, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

export interface MailCaptureOptions {
  db: Database;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where connection errors and refused messages are reported; they never stop the server. */
  log?: (line: string) => void;
}

export interface MailCapture {
  /** `smtp://127.0.0.1:<port>`, for createSmtpMailer. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The header createSmtpMailer stamps with the tenant a message was sent for. */
const TENANT_HEADER = 'x-cascade-tenant';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * An SMTP server for development and tests that delivers nothing: it accepts any mail without
 * authentication and stores each message in `captured_emails`, where the outbox page shows it.
 */
export async function startMailCapture({ db, port = 0, host = '127.0.0.1', log = () => undefined }: MailCaptureOptions): Promise<MailCapture> {
  const server = new SMTPServer({
    banner: 'Cascade mail capture: messages are stored, never delivered',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (stream.sizeExceeded) throw Object.assign(new Error(`Message larger than ${MAX_MESSAGE_BYTES} bytes`), { responseCode: 552 });
          await db.capturedEmail.create({ data: capturedEmail(mail, session.envelope) });
          callback();
        })
        .catch((error: Error) => {
          log(`mail capture refused a message: ${error.message}`);
          callback(error);
        });
    },
  });
  server.on('error', (error) => log(`mail capture: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.server.address() as AddressInfo).port;
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `smtp://${reachable}:${bound}`,
    port: bound,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function capturedEmail(mail: ParsedMail, envelope: SMTPServerEnvelope) {
  const headers = headerRecord(mail.headerLines);
  const tenant = headers[TENANT_HEADER];
  return {
    tenantId: typeof tenant === 'string' && UUID.test(tenant) ? tenant : null,
    from: mail.from?.text ?? (envelope.mailFrom ? envelope.mailFrom.address : ''),
    // The envelope, not the To header: it is who the message was delivered to, Bcc included.
    to: envelope.rcptTo.map((recipient) => recipient.address),
    subject: mail.subject ?? '',
    text: mail.text ?? null,
    html: typeof mail.html === 'string' ? mail.html : null,
    headers,
  };
}

/** Header lines as `name → value` (lower-case names, folded lines joined); repeated headers become lists. */
function headerRecord(lines: HeaderLines): Record<string, string | string[]> {
  // A Map, then fromEntries: a header named __proto__ stays a header.
  const values = new Map<string, string | string[]>();
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    const existing = values.get(key);
    values.set(key, existing === undefined ? value : [...[existing].flat(), value]);
  }
  return Object.fromEntries(values);
}
