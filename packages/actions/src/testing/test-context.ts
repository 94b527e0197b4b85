import type { ActionContext, InboxNotification, MailMessage } from '../define-action';

/** What a test's fake worker recorded: log lines, secrets revealed (with where to), mail and notifications sent. */
export interface Recorded {
  logs: Array<[string, Record<string, unknown> | undefined]>;
  reveals: Array<{ name: string; destination: string }>;
  mail: MailMessage[];
  notifications: InboxNotification[];
}

/**
 * An ActionContext as the worker builds it, with the tenant's secrets given in memory (allowed to
 * any host: the allow-list is the store's, tested there); mail and notifications are recorded
 * instead of sent. Real network calls still go through the address policy.
 */
export function createTestContext(options: { secrets?: Record<string, string>; allowedPrivateHosts?: string[]; signal?: AbortSignal } = {}) {
  const recorded: Recorded = { logs: [], reveals: [], mail: [], notifications: [] };
  const context: ActionContext = {
    tenantId: '6f1c1a52-8a37-4a55-9d6c-3c4f0c1f2a10',
    runId: '0196b7c0-0000-7000-8000-000000000001',
    idempotencyKey: '0196b7c0-0000-7000-8000-000000000001:notify',
    signal: options.signal ?? new AbortController().signal,
    log: (message, fields) => recorded.logs.push([message, fields]),
    secrets: {
      async reveal(name, destination) {
        recorded.reveals.push({ name, destination: destination.href });
        const value = options.secrets?.[name];
        if (value === undefined) throw new Error(`The tenant has no secret named ${name}`);
        return value;
      },
    },
    services: {
      mail: {
        async send(message) {
          recorded.mail.push(message);
          return { messageId: `<${recorded.mail.length}@test>` };
        },
      },
      notifications: {
        async send(notification) {
          recorded.notifications.push(notification);
          return { id: `notification-${recorded.notifications.length}` };
        },
      },
      allowedPrivateHosts: options.allowedPrivateHosts ?? [],
    },
  };
  return { context, recorded };
}
