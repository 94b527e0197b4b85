import { defineHandler } from '../define-action';
import { sendEmailManifest } from './send-email.manifest';

export const sendEmailHandler = defineHandler(sendEmailManifest, async (input, context) => {
  const { messageId } = await context.services.mail.send({
    to: input.to,
    subject: input.subject,
    ...(input.cc ? { cc: input.cc } : {}),
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.html !== undefined ? { html: input.html } : {}),
    ...(input.from ? { from: input.from } : {}),
  });
  context.log(`Sent mail to ${input.to.length + (input.cc?.length ?? 0)} recipient(s)`, { messageId });
  return { messageId };
});
