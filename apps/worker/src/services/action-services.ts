import { createSmtpMailer, type ActionServices } from '@cascade/actions/handlers';
import type { Database } from '@cascade/db';

export interface ActionServiceSettings {
  db: Database;
  allowedPrivateHosts?: readonly string[];
  /** Where email.send delivers; without it, sending fails with a message that says so. */
  smtpUrl?: string;
  mailFrom?: string;
}

/** The run an action works for; services act on its tenant's behalf. */
export interface ActionScope {
  tenantId: string;
  runId: string;
}

export type ActionServicesFor = (scope: ActionScope) => ActionServices;

/** What actions reach beyond the worker through: the inbox, mail, and the network policy. */
export function createActionServices({ db, allowedPrivateHosts = [], smtpUrl, mailFrom = 'Cascade <cascade@localhost>' }: ActionServiceSettings): ActionServicesFor {
  const mailer = smtpUrl ? createSmtpMailer(smtpUrl, { from: mailFrom }) : undefined;
  return ({ tenantId, runId }) => ({
    notifications: {
      async send({ recipient, title, body, link }) {
        const row = await db.notification.create({ data: { tenantId, runId, recipient, title, body, link } });
        return { id: row.id };
      },
    },
    mail: {
      send: (message) =>
        mailer ? mailer.send(message, { tenantId }) : Promise.reject(new Error('Mail is not configured: set SMTP_URL for the worker')),
    },
    allowedPrivateHosts,
  });
}
