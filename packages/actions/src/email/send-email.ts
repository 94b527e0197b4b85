import { createHash } from 'node:crypto';
import { defineHandler } from '../define-action';
import { sendEmailManifest } from './send-email.manifest';

/** A Message-ID derived from the step's idempotency key: every attempt of the step sends the same one. */
export const messageIdOf = (idempotencyKey: string) => `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@cascade.invalid>`;

export const sendEmailHandler = defineHandler(sendEmailManifest, async (input, context) => {
  const { messageId } = await context.services.mail.send({
    to: input.to,
    subject: input.subject,
    ...(input.cc ? { cc: input.cc } : {}),
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.html !== undefined ? { html: input.html } : {}),
    ...(input.from ? { from: input.from } : {}),
    messageId: messageIdOf(context.idempotencyKey),
  });
  context.log(`Sent mail to ${input.to.length + (input.cc?.length ?? 0)} recipient(s)`, { messageId });
  return { messageId };
});
