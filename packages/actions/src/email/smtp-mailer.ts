import nodemailer from 'nodemailer';
import { ActionFailure, type MailMessage } from '../define-action';

/** The header that tells the outbox (and any relay's logs) which tenant a message was sent for. */
export const TENANT_HEADER = 'X-Cascade-Tenant';

export interface SmtpMailer {
  /** Sends one message on the tenant's behalf; the worker binds `tenantId` when it builds `services.mail`. */
  send(message: MailMessage, sender: { tenantId: string }): Promise<{ messageId: string }>;
  /** Closes the pooled SMTP connections. */
  close(): void;
}

/**
 * `services.mail` over SMTP with nodemailer. `smtpUrl` is e.g. `smtp://127.0.0.1:2525` (the
 * development capture server) or `smtps://user:pass@relay.example.com`.
 */
export function createSmtpMailer(smtpUrl: string, defaults: { from: string }): SmtpMailer {
  if (!URL.canParse(smtpUrl)) throw new Error(`The SMTP URL is not a URL (expected e.g. smtp://127.0.0.1:2525)`);
  const { hostname, port } = new URL(smtpUrl); // for errors, without the credentials
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message, { tenantId }) {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).filter(([name]) => name.toLowerCase() !== TENANT_HEADER.toLowerCase()));
      try {
        const info = await transport.sendMail({
          from: message.from ?? defaults.from,
          to: message.to,
          cc: message.cc,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.messageId ? { messageId: message.messageId } : {}),
          headers: { ...headers, [TENANT_HEADER]: tenantId },
        });
        return { messageId: info.messageId };
      } catch (error) {
        // SMTP 5xx replies are permanent (bad recipient, refused content); the rest may pass later.
        const code = (error as { responseCode?: number }).responseCode;
        throw new ActionFailure(`Sending mail via ${hostname}:${port || 'default port'} failed: ${(error as Error).message}`, {
          retryable: !(code && code >= 500),
          cause: error,
        });
      }
    },
    close: () => transport.close(),
  };
}
