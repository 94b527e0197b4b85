// Server-only entry: the worker looks handlers up here by id. Everything a handler needs
// (node:crypto, node:dns, nodemailer) is imported from here, never from manifest.ts.
import type { ActionHandler } from './define-action';
import { logMessageHandler } from './core/log-message';
import { mergeObjectsHandler } from './data/merge-objects';
import { pickFieldsHandler } from './data/pick-fields';
import { sendEmailHandler } from './email/send-email';
import { sendRequestHandler } from './http/send-request';
import { sendNotificationHandler } from './notification/send-notification';
import { renderTemplateHandler } from './text/render-template';
import { sendWebhookHandler } from './webhook/send-webhook';

export {
  ActionFailure,
  type ActionContext,
  type ActionHandler,
  type ActionServices,
  type InboxNotification,
  type MailMessage,
  type SecretReader,
} from './define-action';
export { createSmtpMailer, TENANT_HEADER, type SmtpMailer } from './email/smtp-mailer';
export { displayUrl, IDEMPOTENCY_HEADER, sendOutboundRequest, USER_AGENT } from './net/outbound-request';
export { callRemoteAction, REMOTE_ACTION_TIMEOUT_MS, type RemoteActionTarget } from './remote/call-remote-action';
export {
  DELIVERY_HEADER,
  EVENT_SIGNATURE_HEADER,
  SIGNATURE_HEADER,
  signEventWebhook,
  signWebhookPayload,
  verifyEventWebhookSignature,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  type WebhookToVerify,
} from './webhook/signature';

/** Every built-in handler, in the order of actionManifests. */
export const actionHandlers: readonly ActionHandler[] = [
  logMessageHandler,
  sendRequestHandler,
  sendWebhookHandler,
  sendEmailHandler,
  sendNotificationHandler,
  pickFieldsHandler,
  mergeObjectsHandler,
  renderTemplateHandler,
];

const byId = new Map(actionHandlers.map((handler) => [handler.id, handler]));

export function getActionHandler(id: string): ActionHandler | undefined {
  return byId.get(id);
}
