// Server-only entry: the worker looks handlers up here by id.
import type { ActionDefinition } from './define-action';
import { builtInActions } from './registry';

export type { ActionContext, ActionDefinition, ActionServices, SecretReader, MailMessage, InboxNotification } from './define-action';

export function getActionHandler(id: string): ActionDefinition | undefined {
  return builtInActions.get(id);
}
