import type { ActionDefinition } from './define-action';
import { logMessage } from './core/log-message';

/** Every built-in action, by id. Add an action by adding its file and listing it here. */
export const builtInActions: ReadonlyMap<string, ActionDefinition> = new Map(
  ([logMessage] as ActionDefinition[]).map((action) => [action.id, action]),
);
