import { defineHandler } from '../define-action';
import { logMessageManifest } from './log-message.manifest';

export const logMessageHandler = defineHandler(logMessageManifest, async (input, context) => {
  context.log(input.message, { level: input.level, ...input.fields });
  return { logged: true as const };
});
