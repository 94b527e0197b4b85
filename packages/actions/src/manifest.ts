// Browser-safe entry: manifests only (zod schemas and labels), no handlers. A test walks this
// file's imports to keep it that way; handlers.ts joins each manifest with its run.
import type { ActionManifest } from './define-action';
import { logMessageManifest } from './core/log-message.manifest';
import { mergeObjectsManifest } from './data/merge-objects.manifest';
import { pickFieldsManifest } from './data/pick-fields.manifest';
import { sendEmailManifest } from './email/send-email.manifest';
import { sendRequestManifest } from './http/send-request.manifest';
import { sendNotificationManifest } from './notification/send-notification.manifest';
import { renderTemplateManifest } from './text/render-template.manifest';
import { sendWebhookManifest } from './webhook/send-webhook.manifest';

export type { ActionManifest } from './define-action';

/** Every built-in action. Add one by writing its `<name>.manifest.ts` and `<name>.ts` and listing it here and in handlers.ts. */
export const actionManifests: readonly ActionManifest[] = [
  logMessageManifest,
  sendRequestManifest,
  sendWebhookManifest,
  sendEmailManifest,
  sendNotificationManifest,
  pickFieldsManifest,
  mergeObjectsManifest,
  renderTemplateManifest,
];

const byId = new Map(actionManifests.map((manifest) => [manifest.id, manifest]));

export function getActionManifest(id: string): ActionManifest | undefined {
  return byId.get(id);
}
